#ifndef THRESHOLD_CGPIO_SHIM_H
#define THRESHOLD_CGPIO_SHIM_H
// The GPIO character-device uAPI v2 and I2C ioctl numbers are built with _IOWR and friends,
// which Swift cannot import; re-export the ones Hardware uses as typed constants.
#include <stdint.h>
#include <linux/gpio.h>
#include <linux/i2c.h>
#include <linux/i2c-dev.h>

static const unsigned long THRESHOLD_GPIO_V2_GET_LINE_IOCTL = GPIO_V2_GET_LINE_IOCTL;
static const unsigned long THRESHOLD_GPIO_V2_LINE_SET_VALUES_IOCTL = GPIO_V2_LINE_SET_VALUES_IOCTL;
static const unsigned long THRESHOLD_GPIO_GET_CHIPINFO_IOCTL = GPIO_GET_CHIPINFO_IOCTL;
static const unsigned long THRESHOLD_I2C_RDWR = I2C_RDWR;
static const unsigned long THRESHOLD_I2C_SLAVE = I2C_SLAVE;
static const uint16_t THRESHOLD_I2C_M_RD = I2C_M_RD;
#endif
