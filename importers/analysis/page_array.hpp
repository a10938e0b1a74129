// PageArray: a fixed-size array of trivially copyable values in memory of its own, zeroed, for the
// large lookup tables of the analysis models. Its pages come from the kernel already zeroed (no
// memset: a page costs nothing until it is written) and, when the array spans at least one huge
// page, are asked for as transparent huge pages: the tables are read at random, and with 4 KiB
// pages nearly every lookup also misses the TLB. Where huge pages are not offered, the advice is
// ignored and the array works the same.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

namespace kb::analysis {

// std::memcpy, kept out of the header.
void copy_bytes(void* to, const void* from, std::size_t bytes);

// The untyped part: maps and unmaps pages.
class PageBlock {
 public:
  PageBlock() = default;
  // `bytes` zeroed bytes; throws std::bad_alloc when the memory cannot be mapped.
  explicit PageBlock(std::size_t bytes);
  PageBlock(const PageBlock&) = delete;
  PageBlock& operator=(const PageBlock&) = delete;
  PageBlock(PageBlock&& other) noexcept;
  PageBlock& operator=(PageBlock&& other) noexcept;
  ~PageBlock();

  void* data() const { return data_; }
  std::size_t bytes() const { return bytes_; }

 private:
  void* data_ = nullptr;
  std::size_t bytes_ = 0;   // what the owner asked for
  std::size_t mapped_ = 0;  // what is mapped (a whole number of pages)
  void release() noexcept;
};

template <class T>
class PageArray {
  static_assert(std::is_trivially_copyable_v<T>, "PageArray holds plain values");

 public:
  PageArray() = default;
  // `n` values whose bytes are all zero.
  explicit PageArray(std::size_t n) : block_(n * sizeof(T)), size_(n) {}
  // A copy maps only the values kept (not what shrink() left behind).
  PageArray(const PageArray& other) : PageArray(other.size_) {
    copy_bytes(data(), other.data(), size_ * sizeof(T));
  }
  PageArray& operator=(const PageArray& other) {
    if (this != &other) {
      PageArray copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  PageArray(PageArray&&) noexcept = default;
  PageArray& operator=(PageArray&&) noexcept = default;
  ~PageArray() = default;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return static_cast<T*>(block_.data()); }
  const T* data() const { return static_cast<const T*>(block_.data()); }
  T& operator[](std::size_t i) { return data()[i]; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  // Keeps the first `n` values (n <= size()); the pages stay mapped.
  void shrink(std::size_t n) { size_ = n < size_ ? n : size_; }

 private:
  PageBlock block_;
  std::size_t size_ = 0;
};

}  // namespace kb::analysis
