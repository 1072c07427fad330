//! The access check (login with a repository scope, manifest, push claim, write probe) fed
//! arbitrary responses: it never panics and always finishes.
#![no_main]

#[path = "common/exchange.rs"]
mod exchange;

use libfuzzer_sys::fuzz_target;
use regcred::verify::access::{verify_access, AccessRequest};
use regcred::verify::outcome::{Exchange, Step};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else { return };
    let actions = match mode % 3 {
        0 => vec![],
        1 => vec!["push".to_owned()],
        _ => vec!["pull".to_owned(), "push".to_owned()],
    };
    let request = AccessRequest { repository: "team/app:1".to_owned(), actions, probe_write: mode & 4 != 0 };
    let Ok(mut m) = verify_access(&exchange::config(), exchange::options(), &request) else { return };
    exchange::feed(&mut m, data, &[200, 202, 401, 403, 404, 301, 307, 400, 500, 0]);
    assert!(matches!(m.next(), Step::Done(_) | Step::Send(_)));
});
