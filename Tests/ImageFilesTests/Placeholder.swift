// Tests for ImageFiles — being written.
