//! A real Distribution registry (`docker-registry`, Debian package) for tests: started on
//! 127.0.0.1 on a free port with its storage in a fresh temporary directory, htpasswd or token
//! auth, optional TLS; stopped (and its directory removed) when the handle is dropped, so also
//! when a test fails.
//!
//! ```ignore
//! let reg = Registry::start(RegistryOptions::htpasswd(&[("alice", "s3cret")]));
//! let host = reg.host(); // "127.0.0.1:PORT"
//! ```

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const REGISTRY_BIN: &str = "docker-registry";

/// How clients authenticate.
#[derive(Clone, Debug)]
pub enum RegistryAuth {
    /// No authentication.
    None,
    /// Basic auth against an htpasswd file built from these users (bcrypt, `htpasswd -Bbn`).
    Htpasswd { users: Vec<(String, String)> },
    /// Token auth: clients are sent to `realm` for a JWT signed by a key whose certificate is in
    /// `root_cert_bundle`.
    Token {
        realm: String,
        service: String,
        issuer: String,
        root_cert_bundle: PathBuf,
    },
}

/// What to start.
#[derive(Clone, Debug)]
pub struct RegistryOptions {
    pub auth: RegistryAuth,
    /// PEM certificate and key paths: serve https instead of http.
    pub tls: Option<(PathBuf, PathBuf)>,
}

impl RegistryOptions {
    /// Plain http with htpasswd Basic auth.
    pub fn htpasswd(users: &[(&str, &str)]) -> Self {
        RegistryOptions {
            auth: RegistryAuth::Htpasswd {
                users: users
                    .iter()
                    .map(|(u, p)| ((*u).to_owned(), (*p).to_owned()))
                    .collect(),
            },
            tls: None,
        }
    }
}

/// A fresh directory under the system temp dir, unique per process and call.
pub fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!(
        "regcred-{tag}-{}-{}-{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A free TCP port on 127.0.0.1 (bound, then released for the server to take).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running registry; dropping it stops the process and removes its directory.
pub struct Registry {
    child: Child,
    pub dir: PathBuf,
    pub port: u16,
    pub tls: bool,
}

fn htpasswd_line(user: &str, password: &str) -> String {
    let out = Command::new("htpasswd")
        .args(["-Bbn", user, password])
        .output()
        .unwrap_or_else(|e| panic!("htpasswd (apache2-utils) must be installed: {e}"));
    assert!(out.status.success(), "htpasswd failed");
    String::from_utf8(out.stdout).unwrap().trim().to_owned() + "\n"
}

fn yaml_path(p: &Path) -> String {
    format!("{:?}", p.display().to_string())
}

impl Registry {
    /// Starts a registry and waits until it answers; panics (with its log) when it cannot.
    pub fn start(options: RegistryOptions) -> Registry {
        let dir = temp_dir("registry");
        let port = free_port();
        let storage = dir.join("storage");
        std::fs::create_dir_all(&storage).unwrap();
        let mut config = format!(
            "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{port}\n  secret: regcred-test-secret\n",
            yaml_path(&storage)
        );
        if let Some((cert, key)) = &options.tls {
            config.push_str(&format!(
                "  tls:\n    certificate: {}\n    key: {}\n",
                yaml_path(cert),
                yaml_path(key)
            ));
        }
        match &options.auth {
            RegistryAuth::None => {}
            RegistryAuth::Htpasswd { users } => {
                let file = dir.join("htpasswd");
                let lines: String = users.iter().map(|(u, p)| htpasswd_line(u, p)).collect();
                std::fs::write(&file, lines).unwrap();
                config.push_str(&format!(
                    "auth:\n  htpasswd:\n    realm: regcred-test\n    path: {}\n",
                    yaml_path(&file)
                ));
            }
            RegistryAuth::Token {
                realm,
                service,
                issuer,
                root_cert_bundle,
            } => {
                config.push_str(&format!(
                    "auth:\n  token:\n    realm: {realm:?}\n    service: {service:?}\n    issuer: {issuer:?}\n    rootcertbundle: {}\n",
                    yaml_path(root_cert_bundle)
                ));
            }
        }
        let config_file = dir.join("config.yml");
        std::fs::write(&config_file, config).unwrap();
        let log = std::fs::File::create(dir.join("registry.log")).unwrap();
        let child = Command::new(REGISTRY_BIN)
            .arg("serve")
            .arg(&config_file)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("{REGISTRY_BIN} must be installed (make setup-test installs it): {e}")
            });
        let mut reg = Registry {
            child,
            dir,
            port,
            tls: options.tls.is_some(),
        };
        reg.wait_ready();
        reg
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("registry exited ({status}): {}", self.log());
            }
            if let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port)) {
                if self.tls {
                    return;
                }
                let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
                let _ = s.write_all(b"GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
                let mut buf = [0u8; 12];
                if s.read_exact(&mut buf).is_ok() && buf.starts_with(b"HTTP/") {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "registry did not start: {}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `127.0.0.1:PORT`, the registry's docker-config key.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// `http(s)://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}", self.host())
    }

    /// What the registry logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("registry.log")).unwrap_or_default()
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
