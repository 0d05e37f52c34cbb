// Monte Carlo blocks as one byte buffer: how a Web Worker's result travels to the page
// (gui/platform/platform.h). The worker writes a tool's blocks (StackBlocks, ScheduleBlocks)
// with ByteWriter; the buffer is transferred to the page, not copied; the page reads it back
// with ByteReader. Numbers are copied bit for bit in the machine's byte order (both ends are
// the same module, or the same native program in the GUI tests), so every double arrives
// exactly. Each array is written as its length, then its values, and the reader refuses a
// buffer whose lengths do not add up.
//
//   ByteWriter w;  w.u64(b.first);  w.array(b.gaps);           std::vector<uint8_t> bytes = w.take();  // b alive till here
//   ByteReader r(bytes);  r.u64(first);  r.array(gaps);  bool ok = r.done();   // all read, nothing left
#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace mf {

using Bytes = std::vector<uint8_t>;

// Gathers what it is given and copies it once, into a buffer of the right size, in take():
// the arrays must still be alive then. (Appending as it went, a worker's 1 MB reply was
// reallocated and copied again by the small arrays written after it.)
class ByteWriter {
public:
    void u64(uint64_t v) { pieces_.push_back({nullptr, sizeof v, v}); }
    template <class T>
    void array(const std::vector<T>& v) {
        static_assert(std::is_arithmetic_v<T>);
        u64(v.size());
        if (!v.empty()) pieces_.push_back({v.data(), v.size() * sizeof(T), 0});
    }
    Bytes take() const {
        size_t n = 0;
        for (const Piece& p : pieces_) n += p.size;
        Bytes out(n);
        uint8_t* at = out.data();
        for (const Piece& p : pieces_) {
            std::memcpy(at, p.data ? p.data : &p.value, p.size);
            at += p.size;
        }
        return out;
    }

private:
    struct Piece {
        const void* data;  // an array's values, or null: `value` itself
        size_t size;       // bytes
        uint64_t value;
    };
    std::vector<Piece> pieces_;
};

class ByteReader {
public:
    ByteReader(const uint8_t* data, size_t size) : p_(data), left_(size) {}
    explicit ByteReader(const Bytes& b) : ByteReader(b.data(), b.size()) {}
    bool u64(uint64_t& v) { return get(&v, sizeof v); }
    bool size(size_t& v) {
        uint64_t x = 0;
        if (!u64(x)) return false;
        v = static_cast<size_t>(x);
        return true;
    }
    template <class T>
    bool array(std::vector<T>& v) {
        static_assert(std::is_arithmetic_v<T>);
        uint64_t n = 0;
        if (!u64(n) || n > left_ / sizeof(T)) return fail();
        v.resize(static_cast<size_t>(n));
        return get(v.data(), v.size() * sizeof(T));
    }
    // True when everything so far was read and nothing is left over.
    bool done() const { return ok_ && left_ == 0; }

private:
    bool get(void* out, size_t n) {
        if (!ok_ || n > left_) return fail();
        if (n) std::memcpy(out, p_, n);
        p_ += n;
        left_ -= n;
        return true;
    }
    bool fail() {
        ok_ = false;
        return false;
    }
    const uint8_t* p_;
    size_t left_;
    bool ok_ = true;
};

}  // namespace mf
