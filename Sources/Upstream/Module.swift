// Module Upstream — being written; see Package.swift and the issue that owns it.
