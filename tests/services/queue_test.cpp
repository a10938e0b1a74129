// Tests services/queue.hpp: the bounded queue between the import's reader and its workers.
#include "services/queue.hpp"

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

TEST_SUITE("services") {
  TEST_CASE("BoundedQueue hands items out in order, and close ends the waits") {
    kb::services::BoundedQueue<std::string> q(2);
    CHECK(q.push("first"));
    CHECK(q.push("second"));
    CHECK(q.pop() == "first");
    CHECK(q.push("third"));
    CHECK(q.pop() == "second");
    q.close();
    CHECK_FALSE(q.push("late"));       // refused once closed
    CHECK(q.pop() == "third");         // what was queued before still comes out
    CHECK_FALSE(q.pop().has_value());  // then nothing, without waiting
  }

  TEST_CASE("BoundedQueue: a full queue holds the producer until a consumer takes") {
    kb::services::BoundedQueue<int> q(1);
    std::vector<int> got;
    std::thread consumer([&q, &got] {
      while (auto item = q.pop()) {
        got.push_back(*item);
      }
    });
    for (int i = 0; i < 100; ++i) {
      REQUIRE(q.push(i));
    }
    q.close();
    consumer.join();
    REQUIRE(got.size() == 100);
    for (int i = 0; i < 100; ++i) {
      CHECK(got[static_cast<std::size_t>(i)] == i);
    }
  }

  TEST_CASE("BoundedQueue::wait_for says whether an item or the close came in time") {
    kb::services::BoundedQueue<int> q(2);
    CHECK_FALSE(q.wait_for(std::chrono::milliseconds(1)));  // empty and open: timed out
    REQUIRE(q.push(1));
    CHECK(q.wait_for(std::chrono::milliseconds(0)));  // an item: pop() would not wait
    CHECK(q.pop() == 1);
    q.close();
    CHECK(q.wait_for(std::chrono::milliseconds(0)));  // closed: pop() returns at once
  }
}
