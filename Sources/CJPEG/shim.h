#ifndef THRESHOLD_CJPEG_SHIM_H
#define THRESHOLD_CJPEG_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <jpeglib.h>
#include <jerror.h>

/* libjpeg reports fatal errors by calling error_exit, which must not return. The only safe way
 * out is longjmp, and Swift frames must never be jumped over. So the whole decode/encode runs in
 * these two small C helpers: setjmp lives here, Swift sees a plain status struct. */

typedef struct cjpeg_status {
    int ok;                       /* 1 when the call produced an image / a file */
    int truncated;                /* the data ended before the image did */
    int too_large;                /* header asks for more than max_pixels */
    int warnings;                 /* libjpeg warnings (corrupt data it papered over) */
    int unsupported;              /* a valid file using a feature we do not read (e.g. CMYK) */
    char message[JMSG_LENGTH_MAX];/* first error or warning, as libjpeg words it */
} cjpeg_status;

struct cjpeg_error_mgr {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    cjpeg_status *status;
};

static void cjpeg_error_exit(j_common_ptr cinfo) {
    struct cjpeg_error_mgr *err = (struct cjpeg_error_mgr *)cinfo->err;
    int code = cinfo->err->msg_code;
    (*cinfo->err->format_message)(cinfo, err->status->message);
    err->status->unsupported = code == JERR_CONVERSION_NOTIMPL || code == JERR_NOT_COMPILED ||
                               code == JERR_ARITH_NOTIMPL;
    longjmp(err->jump, 1);
}

/* Warnings are recorded, never printed: the caller decides whether they make the file corrupt. */
static void cjpeg_emit_message(j_common_ptr cinfo, int level) {
    struct cjpeg_error_mgr *err = (struct cjpeg_error_mgr *)cinfo->err;
    if (level >= 0) return; /* trace messages */
    if (err->status->warnings == 0) {
        (*cinfo->err->format_message)(cinfo, err->status->message);
        if (cinfo->err->msg_code == JWRN_JPEG_EOF) err->status->truncated = 1;
    }
    err->status->warnings++;
    cinfo->err->num_warnings++;
}

/* Decodes a JPEG held in memory to 8-bit grey (libjpeg's own YCbCr/RGB → luma). Returns a
 * malloc'ed, tightly packed width*height buffer (free() it), or NULL with status filled in. */
static inline unsigned char *cjpeg_decode_gray(const unsigned char *data, unsigned long size,
                                               unsigned long max_pixels, int *width, int *height,
                                               cjpeg_status *status) {
    struct jpeg_decompress_struct cinfo;
    struct cjpeg_error_mgr jerr;
    unsigned char *volatile pixels = NULL;
    memset(status, 0, sizeof *status);
    *width = 0;
    *height = 0;
    cinfo.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = cjpeg_error_exit;
    jerr.pub.emit_message = cjpeg_emit_message;
    jerr.status = status;
    if (setjmp(jerr.jump)) {
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        return NULL;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);
    if ((unsigned long)cinfo.image_width * (unsigned long)cinfo.image_height > max_pixels) {
        status->too_large = 1;
        *width = (int)cinfo.image_width;
        *height = (int)cinfo.image_height;
        jpeg_destroy_decompress(&cinfo);
        return NULL;
    }
    cinfo.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&cinfo);
    size_t w = cinfo.output_width, h = cinfo.output_height;
    pixels = (unsigned char *)malloc(w * h > 0 ? w * h : 1);
    if (pixels == NULL) {
        snprintf(status->message, sizeof status->message, "out of memory");
        jpeg_destroy_decompress(&cinfo);
        return NULL;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels + (size_t)cinfo.output_scanline * w;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    *width = (int)w;
    *height = (int)h;
    status->ok = 1;
    return pixels;
}

/* Encodes 8-bit grey rows (any stride) as a baseline JPEG in memory. Returns a malloc'ed buffer
 * of *out_size bytes (free() it), or NULL with status filled in. */
static inline unsigned char *cjpeg_encode_gray(const unsigned char *pixels, int width, int height,
                                               int stride, int quality, unsigned long *out_size,
                                               cjpeg_status *status) {
    struct jpeg_compress_struct cinfo;
    struct cjpeg_error_mgr jerr;
    /* volatile: libjpeg writes it through a pointer, and it is read again after a longjmp. */
    unsigned char *volatile buffer = NULL;
    unsigned long size = 0;
    memset(status, 0, sizeof *status);
    *out_size = 0;
    cinfo.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = cjpeg_error_exit;
    jerr.pub.emit_message = cjpeg_emit_message;
    jerr.status = status;
    if (setjmp(jerr.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return NULL;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, &size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = 1;
    cinfo.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * (size_t)stride);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out_size = size;
    status->ok = 1;
    return buffer;
}
#endif
