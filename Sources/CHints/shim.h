#ifndef THRESHOLD_CHINTS_SHIM_H
#define THRESHOLD_CHINTS_SHIM_H

/// Asks the CPU to start loading the cache line at `address` and returns at once: nothing waits
/// for it, it cannot fault, and a wrong guess costs nothing but bandwidth. Swift has no way to
/// say this itself. Used where a memory access whose address is known early would otherwise
/// stall a fresh scan (the revocation filter, cold after every signature check).
static inline void threshold_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
