// Tests for ZBarReader — being written.
