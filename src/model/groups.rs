//! The nested groups every registry type's form shows: credential injection into clusters, the
//! platform's usage (container images, Helm charts as OCI artifacts) and the remote connection
//! (proxy or SSH tunnel). Re-exported by [`super::fields`].

use super::fields::{text, USERNAME_SHAPE};
use super::{form_text, Choice, FieldSpec, GroupSpec, Literal, OneOfFields, Shape, When, Widget};

const CLUSTERS: Shape = Shape::List {
    max_items: 1000,
    item_max: 253,
};

const SOURCES: &[Choice] = &[
    Choice {
        value: "registry-credentials",
        label: form_text("Use registry credentials"),
    },
    Choice {
        value: "image-pull-secret",
        label: form_text("Use an existing image pull secret"),
    },
    Choice {
        value: "custom-credential",
        label: form_text("Use other credentials"),
    },
];

const CUSTOM: &[When] = &[When {
    field: "credentialSource",
    is: Literal::Text("custom-credential"),
    negated: false,
}];

const INJECTION_FIELDS: &[FieldSpec] = &[
    FieldSpec::text(
        "credentialSource",
        "Credential source",
        Shape::Choice(SOURCES),
    )
    .widget(Widget::Radio)
    .optional()
    .default(Literal::Text("registry-credentials"))
    .help("Build the secret from this registry's credentials, or name one that exists."),
    FieldSpec::text(
        "secretName",
        "Image pull secret name",
        text(
            1,
            2048,
            Some(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*( *, *[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)*$"),
        ),
    )
    .placeholder("my-pull-secret")
    .help("The names of secrets that already exist in each namespace, separated by commas.")
    .when(&[When {
        field: "credentialSource",
        is: Literal::Text("image-pull-secret"),
        negated: false,
    }]),
    FieldSpec::text(
        "doNotInject",
        "Do not inject credentials to clusters",
        CLUSTERS,
    )
    .widget(Widget::List)
    .optional()
    .placeholder("cluster id, or * for all clusters")
    .help("Clusters that never get an image pull secret for this registry (* = all)."),
    FieldSpec::text(
        "autoInject",
        "Auto-inject credentials to clusters",
        CLUSTERS,
    )
    .widget(Widget::List)
    .optional()
    .placeholder("cluster id, or * for all clusters")
    .help("Clusters that get an image pull secret for this registry automatically (* = all)."),
    FieldSpec::text("customServer", "Registry server", text(1, 512, None))
        .optional()
        .placeholder("registry URL")
        .help("The server the secret names; the registry URL when empty.")
        .when(CUSTOM),
    FieldSpec::text("customEmail", "E-mail", text(1, 256, None))
        .optional()
        .when(CUSTOM),
    FieldSpec::text("customUsername", "Username", USERNAME_SHAPE).when(CUSTOM),
    FieldSpec::text("customPassword", "Password", text(1, 65_536, None))
        .widget(Widget::Password)
        .when(CUSTOM),
];

/// The "Manage" panel: which clusters get the registry's credentials, and from where.
pub const INJECTION: GroupSpec = GroupSpec {
    key: "injection",
    label: form_text("Manage credential injection"),
    help: form_text("Which clusters get an image pull secret for this registry."),
    fields: INJECTION_FIELDS,
    one_of: Some(OneOfFields {
        options: &[
            (form_text("Do not inject into clusters"), "doNotInject"),
            (form_text("Auto-inject into clusters"), "autoInject"),
        ],
    }),
    exclusive: None,
};

const ACCESS: &[Choice] = &[
    Choice {
        value: "pull",
        label: form_text("Pull"),
    },
    Choice {
        value: "push",
        label: form_text("Push"),
    },
    Choice {
        value: "pull-push",
        label: form_text("Pull and push"),
    },
];

const USAGE_FIELDS: &[FieldSpec] = &[
    FieldSpec::text(
        "containers",
        "Container images",
        Shape::Choice(&[Choice {
            value: "pull-push",
            label: form_text("Pull and push"),
        }]),
    )
    .widget(Widget::Radio)
    .optional()
    .help("Store container images (the platform pulls and pushes them)."),
    FieldSpec::text("charts", "Helm charts (OCI)", Shape::Choice(ACCESS))
        .widget(Widget::Radio)
        .optional()
        .help("Use the registry as an OCI Helm chart store: pull, push or both (not GCR)."),
    FieldSpec::text(
        "chartRepositories",
        "Chart repositories",
        Shape::List {
            max_items: 1000,
            item_max: 512,
        },
    )
    .widget(Widget::List)
    .optional()
    .placeholder("project/chart")
    .help("The chart repositories charts are pulled from (required to pull charts)."),
];

/// What the registry is used for (the platform's OCI registry settings).
pub const USAGE: GroupSpec = GroupSpec {
    key: "usage",
    label: form_text("Use the registry for"),
    help: form_text(
        "Container images and/or Helm charts stored as OCI artifacts; container images when \
           not set.",
    ),
    fields: USAGE_FIELDS,
    one_of: None,
    exclusive: None,
};

const METHODS: &[Choice] = &[
    Choice {
        value: "direct",
        label: form_text("Direct connection"),
    },
    Choice {
        value: "proxy",
        label: form_text("Via proxy"),
    },
    Choice {
        value: "ssh",
        label: form_text("Via SSH tunnel"),
    },
];

const PROXY: &[When] = &[When {
    field: "method",
    is: Literal::Text("proxy"),
    negated: false,
}];

const SSH: &[When] = &[When {
    field: "method",
    is: Literal::Text("ssh"),
    negated: false,
}];

const DASHBOARD_URL: Shape = text(
    8,
    300,
    Some(r"^https?://[\w.-]+(\.[\w.-]+)+[\w\-._~:/?#\[\]@!$&'()*+,;=.]+$"),
);

const REMOTE_FIELDS: &[FieldSpec] = &[
    FieldSpec::text("method", "Connection method", Shape::Choice(METHODS))
        .widget(Widget::Radio)
        .optional()
        .default(Literal::Text("direct")),
    FieldSpec::text("proxyUrl", "Proxy URL", DASHBOARD_URL)
        .placeholder("http://proxy.example.com:3128")
        .when(PROXY),
    FieldSpec::text("sshServerAddress", "SSH server address", DASHBOARD_URL)
        .placeholder("https://bastion.example.com")
        .when(SSH),
    FieldSpec::text(
        "sshUsername",
        "SSH username",
        text(1, 300, Some("^[A-Za-z0-9_-]+$")),
    )
    .when(SSH),
    FieldSpec::text("sshPassword", "SSH password", text(1, 65_536, Some(r"\S")))
        .widget(Widget::Password)
        .optional()
        .when(SSH),
    FieldSpec::text(
        "sshAuthKey",
        "SSH private key",
        text(1, 65_536, Some(r"\S")),
    )
    .widget(Widget::SecretTextarea)
    .optional()
    .when(SSH),
];

/// How the platform reaches the registry: directly, through a proxy or an SSH tunnel.
pub const REMOTE_CONNECTION: GroupSpec = GroupSpec {
    key: "remoteConnection",
    label: form_text("Remote connection"),
    help: form_text("Advanced: reach the registry through an HTTP proxy or an SSH tunnel."),
    fields: REMOTE_FIELDS,
    one_of: None,
    exclusive: None,
};
