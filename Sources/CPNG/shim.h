#ifndef THRESHOLD_CPNG_SHIM_H
#define THRESHOLD_CPNG_SHIM_H
#include <png.h>
#endif
