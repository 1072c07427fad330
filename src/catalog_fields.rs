//! The data behind the catalog: labels, placeholders and help texts of every form field.

use crate::catalog::{Field, FieldKind, FieldOption, RegistryType, RegistryTypeInfo};

/// The username GCP registries require with a service-account key.
pub const JSON_KEY_USERNAME: &str = "_json_key";

/// The `.dockerconfigjson` key kubectl uses for Docker Hub.
pub const DOCKER_HUB_SERVER: &str = "https://index.docker.io/v1/";

fn field(key: &'static str, label: &'static str, kind: FieldKind) -> Field {
    Field {
        key,
        label,
        kind,
        required: true,
        required_when: None,
        fixed_value: None,
        default_value: None,
        placeholder: None,
        help: None,
        options: Vec::new(),
    }
}

fn url_field(
    placeholder: &'static str,
    help: &'static str,
    default: Option<&'static str>,
) -> Field {
    Field {
        placeholder: Some(placeholder),
        help: Some(help),
        default_value: default,
        ..field("registryUrl", "Registry URL", FieldKind::Text)
    }
}

fn username(placeholder: &'static str, help: &'static str) -> Field {
    Field {
        placeholder: Some(placeholder),
        help: Some(help),
        ..field("username", "Username", FieldKind::Text)
    }
}

fn password(label: &'static str, help: &'static str) -> Field {
    Field {
        help: Some(help),
        ..field("password", label, FieldKind::Password)
    }
}

fn json_key_fields() -> Vec<Field> {
    vec![
        Field {
            fixed_value: Some(JSON_KEY_USERNAME),
            default_value: Some(JSON_KEY_USERNAME),
            help: Some(
                "Fixed: GCP registries take a service-account key with the username _json_key.",
            ),
            ..field("username", "Username", FieldKind::Text)
        },
        Field {
            placeholder: Some("Paste the service-account key JSON"),
            help: Some(
                "The JSON key of a service account with read access (Artifact Registry Reader or \
                 Storage Object Viewer). It is stored compacted, its private key intact.",
            ),
            ..field(
                "password",
                "Service account JSON key",
                FieldKind::SecretTextarea,
            )
        },
    ]
}

fn ecr_fields() -> Vec<Field> {
    let when_keys = Some("awsAuthType=user-auth");
    vec![
        url_field(
            "123456789012.dkr.ecr.us-east-1.amazonaws.com",
            "The private registry host: <account>.dkr.ecr.<region>.amazonaws.com (any AWS partition, \
             FIPS and dual-stack hosts included).",
            None,
        ),
        Field {
            default_value: Some("iam-role"),
            help: Some(
                "IAM role: the cluster's worker nodes pull with their own role, no keys stored. \
                 User auth: an access key that regcred turns into a 12-hour registry token.",
            ),
            options: vec![
                FieldOption { value: "iam-role", label: "EC2 IAM role" },
                FieldOption { value: "user-auth", label: "User auth (access key)" },
            ],
            ..field("awsAuthType", "Authentication type", FieldKind::Select)
        },
        Field {
            required: false,
            required_when: when_keys,
            placeholder: Some("AKIAIOSFODNN7EXAMPLE"),
            help: Some("20 characters starting with AKIA (long-term) or ASIA (temporary)."),
            ..field("awsAccessKeyId", "Access key ID", FieldKind::Text)
        },
        Field {
            required: false,
            required_when: when_keys,
            help: Some("The 40-character secret of the access key."),
            ..field("awsSecretAccessKey", "Secret access key", FieldKind::Password)
        },
        Field {
            required: false,
            required_when: Some("awsAccessKeyId starts with ASIA"),
            help: Some("Only for temporary credentials (access key IDs starting with ASIA)."),
            ..field("awsSessionToken", "Session token", FieldKind::Password)
        },
    ]
}

/// The catalog entry of one registry type.
pub fn type_info(t: RegistryType) -> RegistryTypeInfo {
    let (label, url_editable, server, credentials_help, fields) = match t {
        RegistryType::Ecr => (
            "ECR",
            true,
            None,
            "An EC2/worker-node IAM role, or an access key exchanged for a 12-hour token.",
            ecr_fields(),
        ),
        RegistryType::DockerHub => (
            "Docker",
            false,
            Some(DOCKER_HUB_SERVER),
            "Docker ID and a personal access token (recommended) or password.",
            vec![
                url_field("docker.io", "Docker Hub's registry; the secret uses https://index.docker.io/v1/.", Some("docker.io")),
                username("your Docker ID", "Your Docker ID (not your e-mail address)."),
                password(
                    "Password/Token",
                    "A personal access token with read access is recommended over your password.",
                ),
            ],
        ),
        RegistryType::Acr => (
            "Azure",
            true,
            None,
            "A service principal's app ID and secret, or the registry's admin user.",
            vec![
                url_field("myregistry.azurecr.io", "<name>.azurecr.io (also .azurecr.cn, .azurecr.us).", None),
                username(
                    "service principal app ID or registry name",
                    "A service principal's application (client) ID, or the registry name for the admin user.",
                ),
                password("Password", "The service principal's client secret or the admin password."),
            ],
        ),
        RegistryType::ArtifactRegistry => (
            "Artifact Registry (GCP)",
            true,
            None,
            "A service-account JSON key; the username is always _json_key.",
            {
                let mut f = vec![url_field(
                    "us-central1-docker.pkg.dev",
                    "<location>-docker.pkg.dev, for example europe-west1-docker.pkg.dev.",
                    None,
                )];
                f.extend(json_key_fields());
                f
            },
        ),
        RegistryType::Gcr => (
            "GCR",
            true,
            None,
            "A service-account JSON key; the username is always _json_key.",
            {
                let mut f = vec![Field {
                    options: ["gcr.io", "us.gcr.io", "eu.gcr.io", "asia.gcr.io"]
                        .into_iter()
                        .map(|h| FieldOption { value: h, label: h })
                        .collect(),
                    ..url_field("gcr.io", "gcr.io or one of its regional hosts.", Some("gcr.io"))
                }];
                f.extend(json_key_fields());
                f
            },
        ),
        RegistryType::Quay => (
            "Quay",
            true,
            None,
            "A robot account (org+name) and its token, or a user and password.",
            vec![
                url_field("quay.io", "quay.io, or the host of a self-hosted Quay.", Some("quay.io")),
                username("org+robot", "A robot account such as myorg+puller is recommended."),
                password("Password/Token", "The robot account's token or the user's password."),
            ],
        ),
        RegistryType::Other => (
            "Other",
            true,
            None,
            "Any registry speaking the Docker Registry HTTP API v2, with a username and password or token.",
            vec![
                url_field(
                    "registry.example.com:5000",
                    "host[:port][/path] of any registry speaking the Docker Registry HTTP API v2.",
                    None,
                ),
                username("username", "The user or robot account the cluster pulls as."),
                password("Password/Token", "A read-only token is recommended over a password."),
            ],
        ),
    };
    let mut all = common();
    let tail = all.split_off(1);
    all.extend(fields);
    all.extend(tail);
    all.extend(injection());
    RegistryTypeInfo {
        id: t,
        label,
        default_url: t.default_url(),
        url_editable,
        docker_config_server: server,
        credentials_help,
        fields: all,
    }
}

/// The fields every type has: name, default flag, connection and certificate, and injection.
pub fn common() -> Vec<Field> {
    vec![
        Field {
            placeholder: Some("my-registry"),
            help: Some(
                "3 to 30 characters: lowercase letters, digits and '-', starting with a letter and \
                 ending with a letter or digit.",
            ),
            ..field("name", "Name", FieldKind::Text)
        },
        Field {
            required: false,
            help: Some("Use this registry when an application does not name one."),
            ..field("isDefault", "Set as default registry", FieldKind::Checkbox)
        },
        Field {
            required: false,
            default_value: Some("secure"),
            help: Some("Advanced: how to connect to the registry's TLS endpoint."),
            options: vec![
                FieldOption { value: "secure", label: "Allow only secure connection" },
                FieldOption { value: "secure-with-cert", label: "Allow secure connection with CA certificate" },
                FieldOption { value: "insecure", label: "Allow insecure connection" },
            ],
            ..field("connection", "Connection", FieldKind::Select)
        },
        Field {
            required: false,
            required_when: Some("connection=secure-with-cert"),
            placeholder: Some("-----BEGIN CERTIFICATE-----"),
            help: Some("The PEM certificate of the private CA that signed the registry's certificate."),
            ..field("cert", "CA certificate", FieldKind::Textarea)
        },
    ]
}

/// The "Manage" panel: which clusters get the registry's credentials and from where.
pub fn injection() -> Vec<Field> {
    vec![
        Field {
            required: false,
            placeholder: Some("cluster ids, or * for all clusters"),
            help: Some(
                "Clusters that never get an image-pull secret for this registry (* = all). \
                 Mutually exclusive with auto-inject.",
            ),
            ..field(
                "injection.doNotInject",
                "Do not inject credentials to clusters",
                FieldKind::Text,
            )
        },
        Field {
            required: false,
            placeholder: Some("cluster ids, or * for all clusters"),
            help: Some(
                "Clusters that get an image-pull secret for this registry automatically (* = all).",
            ),
            ..field(
                "injection.autoInject",
                "Auto-inject credentials to clusters",
                FieldKind::Text,
            )
        },
        Field {
            required: false,
            default_value: Some("registry-credentials"),
            options: vec![
                FieldOption {
                    value: "registry-credentials",
                    label: "Use registry credentials",
                },
                FieldOption {
                    value: "image-pull-secret",
                    label: "Use an existing image pull secret",
                },
            ],
            help: Some(
                "Build the secret from this registry's credentials, or reference one that exists.",
            ),
            ..field(
                "injection.credentialSource",
                "Credential source",
                FieldKind::Select,
            )
        },
        Field {
            required: false,
            required_when: Some("injection.credentialSource=image-pull-secret"),
            placeholder: Some("my-pull-secret"),
            help: Some(
                "The name (DNS-1123 subdomain) of a secret that already exists in each namespace.",
            ),
            ..field(
                "injection.secretName",
                "Image pull secret name",
                FieldKind::Text,
            )
        },
    ]
}
