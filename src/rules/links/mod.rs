//! `links.*`: shortened links, tracking parameters, links to internal systems, and the
//! platforms' rules for links (Threads' cap on links, Instagram's links that cannot be
//! clicked). Every rule here reads the URL entities the document already extracted; the host
//! lists are data (`rules/lexicons/shorteners.txt`, `tracking-params.txt`,
//! `internal-hosts.txt`), parsed once per process and extended by rule options.

pub(crate) mod internal;
pub(crate) mod shortener;
pub(crate) mod too_many;
pub(crate) mod tracking;
mod url;
