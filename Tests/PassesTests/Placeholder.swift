// Tests for Passes — being written.
