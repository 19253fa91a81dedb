#ifndef THRESHOLD_CJPEG_SHIM_H
#define THRESHOLD_CJPEG_SHIM_H
#include <stdio.h>
#include <jpeglib.h>
#endif
