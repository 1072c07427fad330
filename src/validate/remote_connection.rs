//! The platform's `remoteConnection` (direct, an HTTP proxy or an SSH tunnel), checked as the
//! dashboard checks it; part of the platform fields of `super::platform_fields`.

use crate::json::Value;
use crate::secret_string::SecretString;
use crate::ErrorCode;

use super::json_walk::Walker;
use super::registry::{warn_keep_stored, Mode};
use crate::config::{ConnectionMethod, RemoteConnection};

/// The dashboard's URL rule for the proxy and the SSH server (`Docker.tsx`
/// `customStateValidator`: `^(http(s)?:\/\/)[\w.-]+(?:\.[\w\.-]+)+[\w\-\._~:/?#[\]@!\$&'\(\)\*\+,;=.]+$`),
/// matched without a regular-expression engine.
pub fn is_dashboard_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let tail = |b: u8| word(b) || b"-._~:/?#[]@!$&'()*+,;=".contains(&b);
    let bytes = rest.as_bytes();
    if !bytes.iter().all(|&b| tail(b)) {
        return false;
    }
    let host_len = bytes
        .iter()
        .take_while(|&&b| word(b) || b == b'.' || b == b'-')
        .count();
    // `[\w.-]+` then `\.[\w.-]+` (the shortest such prefix), then at least one more character.
    (1..host_len).any(|i| bytes.get(i) == Some(&b'.') && i + 2 <= host_len && i + 2 < bytes.len())
}

/// `remoteConnection`: `{ method, proxyUrl?, sshServerAddress?, sshUsername?, sshPassword?,
/// sshAuthKey? }`, checked as the dashboard's `performCustomValidation` checks it.
///
/// Errors: `config.enum` (method), `remote.proxy-url` (proxy without a valid `http(s)://` URL),
/// `remote.ssh-server-address` (likewise for SSH), `remote.ssh-username` (letters, digits, `_`
/// and `-` only), `remote.ssh-credentials` (neither a password nor a private key),
/// `remote.ssh-password` / `remote.ssh-auth-key` (given but blank). Warning: `config.ignored`
/// for fields of another method (dropped).
///
/// In [`Mode::Update`] a blank SSH secret, or both when neither is given, keeps the stored one
/// (warning `config.keep-stored` instead of those errors; the value leaves it out).
pub(super) fn remote_connection(w: &mut Walker, v: &Value, mode: Mode) -> Option<RemoteConnection> {
    let base = "/remoteConnection";
    let obj = w.object(base, v)?;
    let keys = [
        "method",
        "proxyUrl",
        "sshServerAddress",
        "sshUsername",
        "sshPassword",
        "sshAuthKey",
    ];
    w.unknown_fields(base, obj, &keys);
    let method = match w.string("/remoteConnection/method", obj.get("method")) {
        Some("direct") => ConnectionMethod::Direct,
        Some("proxy") => ConnectionMethod::Proxy,
        Some("ssh") => ConnectionMethod::Ssh,
        Some(_) => {
            w.error(
                "/remoteConnection/method",
                ErrorCode::ConfigEnum,
                "must be \"direct\", \"proxy\" or \"ssh\"",
            );
            return None;
        }
        None if obj.contains_key("method") => return None,
        None => ConnectionMethod::Direct,
    };
    let text = |w: &mut Walker, key: &str| -> Option<String> {
        w.string(&format!("{base}/{key}"), obj.get(key))
            .map(str::to_owned)
    };
    let mut rc = RemoteConnection {
        method,
        proxy_url: text(w, "proxyUrl"),
        ssh_server_address: text(w, "sshServerAddress"),
        ssh_username: text(w, "sshUsername"),
        ssh_password: text(w, "sshPassword").map(SecretString::from),
        ssh_auth_key: text(w, "sshAuthKey").map(SecretString::from),
    };
    // `given`: the value taken out of the configuration was not empty.
    let ignore = |w: &mut Walker, key: &str, given: bool| {
        if given {
            w.warning(
                &format!("{base}/{key}"),
                ErrorCode::ConfigIgnored,
                "not used by this connection method; ignored",
            );
        }
    };
    if method != ConnectionMethod::Proxy {
        ignore(w, "proxyUrl", filled(rc.proxy_url.take()));
    }
    if method != ConnectionMethod::Ssh {
        ignore(w, "sshServerAddress", filled(rc.ssh_server_address.take()));
        ignore(w, "sshUsername", filled(rc.ssh_username.take()));
        let password = rc.ssh_password.take().map(SecretString::into_exposed);
        ignore(w, "sshPassword", filled(password));
        let key = rc.ssh_auth_key.take().map(SecretString::into_exposed);
        ignore(w, "sshAuthKey", filled(key));
    }
    let url_message =
        "a valid URL starting with http:// or https://, such as http://proxy.example.com:3128";
    match method {
        ConnectionMethod::Direct => {}
        ConnectionMethod::Proxy => {
            if !rc
                .proxy_url
                .as_deref()
                .is_some_and(|u| is_dashboard_url(u.trim()))
            {
                w.error(
                    "/remoteConnection/proxyUrl",
                    ErrorCode::RemoteProxyUrl,
                    url_message,
                );
            }
            rc.proxy_url = rc
                .proxy_url
                .map(|u| crate::substring::trim_end_byte(u.trim(), b'/').to_owned());
        }
        ConnectionMethod::Ssh => {
            if !rc
                .ssh_server_address
                .as_deref()
                .is_some_and(is_dashboard_url)
            {
                w.error(
                    "/remoteConnection/sshServerAddress",
                    ErrorCode::RemoteSshServerAddress,
                    url_message,
                );
            }
            let user_ok = rc.ssh_username.as_deref().is_some_and(|u| {
                !u.is_empty()
                    && u.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            });
            if !user_ok {
                w.error(
                    "/remoteConnection/sshUsername",
                    ErrorCode::RemoteSshUsername,
                    "the SSH username is required: letters, digits, \"_\" and \"-\" only",
                );
            }
            let blank =
                |v: &Option<SecretString>| v.as_ref().is_some_and(|s| s.expose().trim().is_empty());
            let neither = [&rc.ssh_password, &rc.ssh_auth_key]
                .iter()
                .all(|v| v.is_none() || blank(v));
            let update = mode == Mode::Update;
            for (key, code, slot) in [
                (
                    "sshPassword",
                    ErrorCode::RemoteSshPassword,
                    &mut rc.ssh_password,
                ),
                (
                    "sshAuthKey",
                    ErrorCode::RemoteSshAuthKey,
                    &mut rc.ssh_auth_key,
                ),
            ] {
                let path = format!("{base}/{key}");
                if update && (blank(slot) || (neither && slot.is_none())) {
                    warn_keep_stored(w, &path);
                    *slot = None;
                } else if blank(slot) {
                    w.error(&path, code, "must not be blank");
                }
            }
            if !update && rc.ssh_password.is_none() && rc.ssh_auth_key.is_none() {
                w.error(
                    base,
                    ErrorCode::RemoteSshCredentials,
                    "an SSH tunnel needs a password, a private key, or both",
                );
            }
        }
    }
    Some(rc)
}

/// Whether a value taken out of a configuration was there and not empty.
fn filled(value: Option<String>) -> bool {
    value.is_some_and(|s| !s.is_empty())
}
