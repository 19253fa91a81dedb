#ifndef THRESHOLD_CPNG_SHIM_H
#define THRESHOLD_CPNG_SHIM_H
#include <png.h>

/* Only libpng's "simplified API" (png_image_*) is used from Swift: it reports errors through
 * png_image.message instead of longjmp, which Swift cannot survive. The format constants are
 * re-exported as plain values so the Swift side does not depend on which macros import. */
static const png_uint_32 cpng_image_version = PNG_IMAGE_VERSION;
static const png_uint_32 cpng_format_gray = PNG_FORMAT_GRAY;
static const png_uint_32 cpng_format_rgba = PNG_FORMAT_RGBA;
static const png_uint_32 cpng_flag_16bit_srgb = PNG_IMAGE_FLAG_16BIT_sRGB;
#endif
