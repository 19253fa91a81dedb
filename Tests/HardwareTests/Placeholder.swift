// Tests for Hardware — being written.
