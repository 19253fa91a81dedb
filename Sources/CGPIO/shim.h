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
static const unsigned long THRESHOLD_I2C_FUNCS = I2C_FUNCS;
static const unsigned long THRESHOLD_I2C_PEC = I2C_PEC;
static const unsigned long THRESHOLD_I2C_SMBUS = I2C_SMBUS;
static const unsigned long THRESHOLD_I2C_FUNC_I2C = I2C_FUNC_I2C;
static const unsigned long THRESHOLD_I2C_FUNC_SMBUS_PEC = I2C_FUNC_SMBUS_PEC;
static const unsigned long THRESHOLD_I2C_FUNC_SMBUS_READ_WORD_DATA = I2C_FUNC_SMBUS_READ_WORD_DATA;
static const uint8_t THRESHOLD_I2C_SMBUS_READ = I2C_SMBUS_READ;
static const uint32_t THRESHOLD_I2C_SMBUS_WORD_DATA = I2C_SMBUS_WORD_DATA;
#endif
