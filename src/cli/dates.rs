//! Dates as people read them: the library's ([`songngu::wording::dates`]).

pub use songngu::wording::dates::iso_parts;
