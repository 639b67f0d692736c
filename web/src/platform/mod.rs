//! What the app needs from the browser and beyond the page: storage, Web Locks, files and the
//! clipboard ([`browser`], [`storage`]), the export worker ([`worker`]), the guard that keeps
//! work when the app fails ([`panic`]), and parts loaded on demand ([`lazy`]).

pub mod browser;
pub mod lazy;
pub mod panic;
pub mod storage;
pub mod worker;
