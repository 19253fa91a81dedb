#ifndef THRESHOLD_CV4L2_SHIM_H
#define THRESHOLD_CV4L2_SHIM_H
// Swift cannot call C variadics (v4l2_open, v4l2_ioctl) nor import the _IOWR-built VIDIOC_*
// numbers or the v4l2_fourcc-built pixel formats, so this header re-exports exactly what
// Capture uses as fixed-arity inline functions and typed constants.
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <linux/videodev2.h>
#include <libv4l2.h>

static inline int threshold_v4l2_open(const char *path, int flags) { return v4l2_open(path, flags); }
static inline int threshold_v4l2_ioctl(int fd, unsigned long request, void *arg) {
    return v4l2_ioctl(fd, request, arg);
}

static const unsigned long THRESHOLD_VIDIOC_QUERYCAP = VIDIOC_QUERYCAP;
static const unsigned long THRESHOLD_VIDIOC_ENUM_FMT = VIDIOC_ENUM_FMT;
static const unsigned long THRESHOLD_VIDIOC_ENUM_FRAMESIZES = VIDIOC_ENUM_FRAMESIZES;
static const unsigned long THRESHOLD_VIDIOC_G_FMT = VIDIOC_G_FMT;
static const unsigned long THRESHOLD_VIDIOC_S_FMT = VIDIOC_S_FMT;
static const unsigned long THRESHOLD_VIDIOC_REQBUFS = VIDIOC_REQBUFS;
static const unsigned long THRESHOLD_VIDIOC_QUERYBUF = VIDIOC_QUERYBUF;
static const unsigned long THRESHOLD_VIDIOC_QBUF = VIDIOC_QBUF;
static const unsigned long THRESHOLD_VIDIOC_DQBUF = VIDIOC_DQBUF;
static const unsigned long THRESHOLD_VIDIOC_STREAMON = VIDIOC_STREAMON;
static const unsigned long THRESHOLD_VIDIOC_STREAMOFF = VIDIOC_STREAMOFF;
static const unsigned long THRESHOLD_VIDIOC_QUERYCTRL = VIDIOC_QUERYCTRL;
static const unsigned long THRESHOLD_VIDIOC_S_CTRL = VIDIOC_S_CTRL;
static const unsigned long THRESHOLD_VIDIOC_G_CTRL = VIDIOC_G_CTRL;
static const unsigned long THRESHOLD_VIDIOC_S_PARM = VIDIOC_S_PARM;

static const uint32_t THRESHOLD_PIX_FMT_GREY = V4L2_PIX_FMT_GREY;
static const uint32_t THRESHOLD_PIX_FMT_YUYV = V4L2_PIX_FMT_YUYV;
static const uint32_t THRESHOLD_PIX_FMT_NV12 = V4L2_PIX_FMT_NV12;
static const uint32_t THRESHOLD_PIX_FMT_YUV420 = V4L2_PIX_FMT_YUV420;
static const uint32_t THRESHOLD_PIX_FMT_MJPEG = V4L2_PIX_FMT_MJPEG;

static const uint32_t THRESHOLD_CID_EXPOSURE_AUTO = V4L2_CID_EXPOSURE_AUTO;
static const uint32_t THRESHOLD_CID_EXPOSURE_ABSOLUTE = V4L2_CID_EXPOSURE_ABSOLUTE;
static const uint32_t THRESHOLD_CID_FOCUS_AUTO = V4L2_CID_FOCUS_AUTO;
static const uint32_t THRESHOLD_CID_FOCUS_ABSOLUTE = V4L2_CID_FOCUS_ABSOLUTE;
static const uint32_t THRESHOLD_CID_POWER_LINE_FREQUENCY = V4L2_CID_POWER_LINE_FREQUENCY;
#endif
