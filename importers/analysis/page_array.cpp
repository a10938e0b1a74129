// PageBlock: see page_array.hpp.
#include "importers/analysis/page_array.hpp"

#include <cstring>
#include <new>
#include <sys/mman.h>
#include <utility>

namespace kb::analysis {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kPage = 4096;

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

}  // namespace

void copy_bytes(void* to, const void* from, std::size_t bytes) {
  if (bytes != 0) {
    std::memcpy(to, from, bytes);
  }
}

PageBlock::PageBlock(std::size_t bytes) : bytes_(bytes) {
  if (bytes == 0) {
    return;
  }
  // A table of at least one huge page is mapped in whole huge pages, so that the kernel can
  // back all of it with them (it aligns such mappings to the huge page size).
  mapped_ = round_up(bytes, bytes >= kHugePage ? kHugePage : kPage);
  void* p = mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    mapped_ = 0;
    bytes_ = 0;
    throw std::bad_alloc();
  }
#ifdef MADV_HUGEPAGE
  if (mapped_ >= kHugePage) {
    madvise(p, mapped_, MADV_HUGEPAGE);  // advice only: ignored where huge pages are off
  }
#endif
  data_ = p;
}

PageBlock::PageBlock(PageBlock&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      bytes_(std::exchange(other.bytes_, 0)),
      mapped_(std::exchange(other.mapped_, 0)) {}

PageBlock& PageBlock::operator=(PageBlock&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    bytes_ = std::exchange(other.bytes_, 0);
    mapped_ = std::exchange(other.mapped_, 0);
  }
  return *this;
}

PageBlock::~PageBlock() { release(); }

void PageBlock::release() noexcept {
  if (data_ != nullptr) {
    munmap(data_, mapped_);
    data_ = nullptr;
  }
}

}  // namespace kb::analysis
