//! The field declarations the registry types share or pick from ([`super::types`] lists which
//! type has which). Labels and help are written for the people filling the form.

use super::{form_text, Choice, FieldSpec, Literal, Shape, When, Widget};

/// The username GCP registries require with a service-account key.
pub const JSON_KEY_USERNAME: &str = "_json_key";

/// The `.dockerconfigjson` key kubectl uses for Docker Hub.
pub const DOCKER_HUB_SERVER: &str = "https://index.docker.io/v1/";

pub(super) const fn text(min: u32, max: u32, pattern: Option<&'static str>) -> Shape {
    let pattern = match pattern {
        Some(p) => Some(form_text(p)),
        None => None,
    };
    Shape::Text { min, max, pattern }
}

/// The registry's name in the platform.
pub const NAME: FieldSpec = FieldSpec::text(
    "name",
    "Name",
    text(3, 30, Some("^[a-z][a-z0-9-]*[a-z0-9]$")),
)
.placeholder("my-registry")
.help(
    "3 to 30 characters: lowercase letters, digits and '-', starting with a letter and ending \
     with a letter or digit.",
);

/// Whether this is the platform's default registry.
pub const IS_DEFAULT: FieldSpec =
    FieldSpec::text("isDefault", "Set as default registry", Shape::Flag)
        .widget(Widget::Checkbox)
        .optional()
        .default(Literal::Flag(false))
        .help("Use this registry when an application does not name one.");

const CONNECTIONS: &[Choice] = &[
    Choice {
        value: "secure",
        label: form_text("Allow only secure connection"),
    },
    Choice {
        value: "secure-with-cert",
        label: form_text("Allow secure connection with CA certificate"),
    },
    Choice {
        value: "insecure",
        label: form_text("Allow insecure connection"),
    },
];

/// How to connect to a registry that can be self-hosted (advanced).
pub const CONNECTION: FieldSpec =
    FieldSpec::text("connection", "Connection", Shape::Choice(CONNECTIONS))
        .widget(Widget::Radio)
        .optional()
        .default(Literal::Text("secure"))
        .help("Advanced: how to connect to the registry's TLS endpoint.");

/// The private CA's certificate, shown with `secure-with-cert` only.
pub const CERT: FieldSpec = FieldSpec::text("cert", "CA certificate", text(1, 262_144, None))
    .widget(Widget::Textarea)
    .placeholder("-----BEGIN CERTIFICATE-----")
    .help("The PEM certificate of the private CA that signed the registry's certificate.")
    .when(&[CERT_WHEN_SECURE_WITH_CERT]);

/// When the CA certificate shows: with `secure-with-cert`.
pub const CERT_WHEN_SECURE_WITH_CERT: When = When {
    field: "connection",
    is: Literal::Text("secure-with-cert"),
    negated: false,
};

/// GitLab.com's registry host.
pub const GITLAB_COM: &str = "registry.gitlab.com";

const HOST_PATTERN: &str =
    r"^((https?|oci|docker)://)?([^\s/:@?#\[\]]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?(/[^\s?#]*)?$";

const fn url(pattern: &'static str) -> FieldSpec {
    FieldSpec::text("registryUrl", "Registry URL", text(1, 512, Some(pattern)))
}

/// ECR's registry host.
pub const ECR_URL: FieldSpec = url(
    r"^((https|oci|docker)://)?([0-9]{12}\.dkr[.-]ecr(-fips)?\.[a-z0-9][a-z0-9-]*\.(amazonaws\.com(\.cn)?|amazonaws\.eu|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov|on\.(aws|amazonwebservices\.com\.cn|amazonwebservices\.eu|aws\.ic\.gov|aws\.scloud|cloud-aws\.adc-e\.uk|aws\.hci\.ic\.gov))|public\.ecr\.aws|ecr-public\.aws\.com)(/[^\s?#]*)?$",
)
.placeholder("123456789012.dkr.ecr.us-east-1.amazonaws.com")
.help(
    "The private registry host: <account>.dkr.ecr.<region>.amazonaws.com (any AWS partition, \
     FIPS and dual-stack hosts included).",
);

/// Docker Hub's registry, fixed.
pub const DOCKER_HUB_URL: FieldSpec = url(
    r"^((https|oci|docker)://)?(docker\.io|index\.docker\.io|registry-1\.docker\.io)(/v[12]/?)?/?$",
)
.optional()
.fixed("docker.io")
.help("Docker Hub's registry; the secret uses https://index.docker.io/v1/.");

/// Azure's registry host.
pub const ACR_URL: FieldSpec =
    url(r"^((https|oci|docker)://)?[a-zA-Z0-9]{5,50}\.azurecr\.(io|cn|us)/?$")
        .placeholder("myregistry.azurecr.io")
        .help("<name>.azurecr.io (also .azurecr.cn, .azurecr.us).");

/// Artifact Registry's host.
pub const ARTIFACT_REGISTRY_URL: FieldSpec =
    url(r"^((https|oci|docker)://)?[a-z][a-z0-9-]*[a-z0-9]-docker\.pkg\.dev(/[^\s?#]*)?$")
        .placeholder("us-central1-docker.pkg.dev")
        .help("<location>-docker.pkg.dev, for example europe-west1-docker.pkg.dev.");

/// GCR's host.
pub const GCR_URL: FieldSpec =
    url(r"^((https|oci|docker)://)?(gcr\.io|us\.gcr\.io|eu\.gcr\.io|asia\.gcr\.io)(/[^\s?#]*)?$")
        .optional()
        .default(Literal::Text("gcr.io"))
        .placeholder("gcr.io")
        .help("gcr.io or one of its regional hosts (us.gcr.io, eu.gcr.io, asia.gcr.io).");

/// Quay's host.
pub const QUAY_URL: FieldSpec = url(HOST_PATTERN)
    .optional()
    .default(Literal::Text("quay.io"))
    .placeholder("quay.io")
    .help("quay.io, or the host of a self-hosted Quay.");

/// GitLab's registry: GitLab.com's by default, or a self-managed instance's.
pub const GITLAB_URL: FieldSpec = url(HOST_PATTERN)
    .optional()
    .default(Literal::Text(GITLAB_COM))
    .placeholder(GITLAB_COM)
    .help("registry.gitlab.com for GitLab.com, or the registry host of a self-managed GitLab.");

/// GitHub's registry, fixed.
pub const GHCR_URL: FieldSpec = url(r"^((https|oci|docker)://)?ghcr\.io/?$")
    .optional()
    .fixed("ghcr.io")
    .help("GitHub's container registry.");

/// A Harbor instance's host.
pub const HARBOR_URL: FieldSpec = url(HOST_PATTERN)
    .placeholder("harbor.example.com")
    .help("host[:port] of the Harbor instance.");

/// Any registry's host.
pub const OTHER_URL: FieldSpec = url(HOST_PATTERN)
    .placeholder("registry.example.com:5000")
    .help("host[:port][/path] of any registry speaking the Docker Registry HTTP API v2.");

const AUTH_TYPES: &[Choice] = &[
    Choice {
        value: "iam-role",
        label: form_text("EC2 IAM role"),
    },
    Choice {
        value: "user-auth",
        label: form_text("User auth (access key)"),
    },
];

/// Shown only for a registry that is not public (a public one takes no credentials).
pub const NOT_PUBLIC: &[When] = &[When {
    field: "public",
    is: Literal::Flag(false),
    negated: false,
}];

const USER_AUTH: &[When] = &[
    When {
        field: "awsAuthType",
        is: Literal::Text("user-auth"),
        negated: false,
    },
    When {
        field: "public",
        is: Literal::Flag(false),
        negated: false,
    },
];

/// A public registry: no credentials, nothing injected, anonymous checks.
pub const PUBLIC: FieldSpec = FieldSpec::text("public", "Public registry", Shape::Flag)
    .widget(Widget::Checkbox)
    .optional()
    .default(Literal::Flag(false))
    .help(
        "A public registry needs no credentials: no secret is generated or injected, and the \
         check uses anonymous access.",
    );

/// ECR: a role assumed with STS before the registry token is requested.
pub const ASSUME_ROLE_ARN: FieldSpec = FieldSpec::text(
    "assumeRoleArn",
    "Assume role ARN",
    text(
        20,
        2048,
        Some(r"^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[\x21-\x7e]+$"),
    ),
)
.optional()
.placeholder("arn:aws:iam::123456789012:role/ecr-pull")
.help(
    "Optional: an IAM role (for example in another account) assumed with STS before the \
     registry token is requested.",
)
.when(NOT_PUBLIC);

/// ECR: IAM role or access keys.
pub const AWS_AUTH_TYPE: FieldSpec = FieldSpec::text(
    "awsAuthType",
    "Authentication type",
    Shape::Choice(AUTH_TYPES),
)
.widget(Widget::Radio)
.default(Literal::Text("iam-role"))
.help(
    "IAM role: the cluster's worker nodes pull with their own role, no keys stored. \
             User auth: an access key that is turned into a 12-hour registry token.",
)
.when(NOT_PUBLIC);

/// ECR user auth: the access key id.
pub const AWS_ACCESS_KEY_ID: FieldSpec = FieldSpec::text(
    "awsAccessKeyId",
    "Access key ID",
    text(20, 20, Some("^(AKIA|ASIA)[A-Z2-7]{16}$")),
)
.placeholder("AKIAIOSFODNN7EXAMPLE")
.help("20 characters starting with AKIA (long-term) or ASIA (temporary).")
.when(USER_AUTH);

/// ECR user auth: the secret access key.
pub const AWS_SECRET_ACCESS_KEY: FieldSpec = FieldSpec::text(
    "awsSecretAccessKey",
    "Secret access key",
    text(1, 128, None),
)
.widget(Widget::Password)
.help("The 40-character secret of the access key.")
.when(USER_AUTH);

/// ECR user auth with temporary keys: the session token.
pub const AWS_SESSION_TOKEN: FieldSpec =
    FieldSpec::text("awsSessionToken", "Session token", text(1, 4096, None))
        .widget(Widget::Password)
        .optional()
        .help("Only for temporary credentials (access key IDs starting with ASIA).")
        .when(USER_AUTH);

pub(super) const USERNAME_SHAPE: Shape = text(1, 256, Some(r"^[^:\u0000-\u001F\u007F]*$"));

/// A username with a placeholder and help of the type.
pub const fn username(placeholder: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec::text("username", "Username", USERNAME_SHAPE)
        .placeholder(placeholder)
        .help(help)
        .when(NOT_PUBLIC)
}

/// A password or token with the type's label and help.
pub const fn password(label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec::text("password", label, text(1, 65_536, None))
        .widget(Widget::Password)
        .help(help)
        .when(NOT_PUBLIC)
}

/// GCP: the fixed username `_json_key`.
pub const JSON_KEY_USER: FieldSpec =
    FieldSpec::text("username", "Username", text(9, 9, Some("^_json_key$")))
        .optional()
        .fixed(JSON_KEY_USERNAME)
        .help("Always _json_key: GCP registries take a service-account key.")
        .when(NOT_PUBLIC);

/// GCP: the service-account key.
pub const JSON_KEY: FieldSpec = FieldSpec::text(
    "password",
    "Service account JSON key",
    text(1, 65_536, None),
)
.widget(Widget::SecretTextarea)
.placeholder("Paste the whole service-account key JSON")
.help(
    "The JSON key of a service account with read access (Artifact Registry Reader or \
             Storage Object Viewer). It is stored compacted, its private key intact.",
)
.when(NOT_PUBLIC);

pub use super::groups::{INJECTION, REMOTE_CONNECTION, USAGE};
