//! How the platform reaches a registry: directly, through an HTTP proxy, or through an SSH
//! tunnel (the platform's `remoteConnectionConfig`, devtron-labs common-lib
//! `utils/remoteConnection/bean/bean.go`).
//!
//! Validation follows the dashboard (`Docker.tsx` `customStateValidator`,
//! `performCustomValidation`): the proxy URL and the SSH server address start with `http://` or
//! `https://` and have a dotted host; the SSH username is letters, digits, `_` and `-`; the
//! password (password methods) and the private key (key methods) are required and not blank.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::secret_string::SecretString;

/// The connection method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConnectionMethod {
    /// A direct connection (the default).
    Direct,
    /// Through an HTTP(S) proxy.
    Proxy,
    /// Through an SSH tunnel.
    Ssh,
}

impl ConnectionMethod {
    /// The platform's spelling: `DIRECT`, `PROXY`, `SSH`.
    pub fn devtron(self) -> &'static str {
        match self {
            ConnectionMethod::Direct => "DIRECT",
            ConnectionMethod::Proxy => "PROXY",
            ConnectionMethod::Ssh => "SSH",
        }
    }

    /// Reads the platform's spelling; `None` for anything else.
    pub fn from_devtron(s: &str) -> Option<ConnectionMethod> {
        [
            ConnectionMethod::Direct,
            ConnectionMethod::Proxy,
            ConnectionMethod::Ssh,
        ]
        .into_iter()
        .find(|m| m.devtron() == s)
    }
}

/// A remote connection. `Debug` leaves out the userinfo of the proxy and SSH server addresses.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemoteConnection {
    /// Direct, proxy or SSH tunnel.
    pub method: ConnectionMethod,
    /// Proxy: its URL (`http://proxy.example.com:3128`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
    /// SSH: the server address (`https://bastion.example.com`, as the dashboard requires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssh_server_address: Option<String>,
    /// SSH: the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssh_username: Option<String>,
    /// SSH: the password. Secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssh_password: Option<SecretString>,
    /// SSH: the private key (PEM / OpenSSH). Secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssh_auth_key: Option<SecretString>,
}

impl fmt::Debug for RemoteConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RemoteConnection")
            .field("method", &self.method)
            .field("proxy_url", &crate::redact::opt_userinfo(&self.proxy_url))
            .field(
                "ssh_server_address",
                &crate::redact::opt_userinfo(&self.ssh_server_address),
            )
            .field("ssh_username", &self.ssh_username)
            .field("ssh_password", &self.ssh_password)
            .field("ssh_auth_key", &self.ssh_auth_key)
            .finish()
    }
}

crate::json::ids_as_json!(ConnectionMethod {
    Direct => "direct",
    Proxy => "proxy",
    Ssh => "ssh",
});

impl crate::json::ToJson for RemoteConnection {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("method", &self.method)
            .some("proxyUrl", &self.proxy_url)
            .some("sshServerAddress", &self.ssh_server_address)
            .some("sshUsername", &self.ssh_username)
            .some("sshPassword", &self.ssh_password)
            .some("sshAuthKey", &self.ssh_auth_key)
            .end();
    }
}
