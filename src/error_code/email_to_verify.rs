//! The codes of the areas `email` to `verify`, in alphabetical order (the rest are in
//! `access_to_ecr.rs`; see the module documentation of `error_code` for how to add one).

/// Adds the codes of the areas `email` to `verify` after the codes it is given and calls
/// `last!` with all of them: `email_to_verify!(last { codes })`.
macro_rules! email_to_verify {
    ($last:ident { $($before:tt)* }) => {
        $last! {
            $($before)*
            /// The email is too long or contains a control character.
            EmailInvalid = "email.invalid",
            /// The base64 of a key JSON instead of the JSON.
            GcpKeyBase64 = "gcp-key.base64",
            /// `client_email` not an e-mail address.
            GcpKeyClientEmail = "gcp-key.client-email",
            /// Key blank / over 64 KiB.
            GcpKeyEmpty = "gcp-key.empty",
            /// The private key holds the text ` ` (escaped twice).
            GcpKeyEscapedNewlines = "gcp-key.escaped-newlines",
            /// `client_email`, `private_key` or `private_key_id` missing or empty / not a string.
            GcpKeyFieldMissing = "gcp-key.field-missing",
            /// `client_email`, `private_key` or `private_key_id` missing or empty / not a string.
            GcpKeyFieldType = "gcp-key.field-type",
            /// Raw line breaks inside a JSON string (the private key's ` ` escapes were turned into line
            /// breaks).
            GcpKeyNewlines = "gcp-key.newlines",
            /// Not JSON (line and column given) / not an object.
            GcpKeyNotJson = "gcp-key.not-json",
            /// Not JSON (line and column given) / not an object.
            GcpKeyNotObject = "gcp-key.not-object",
            /// Not a `BEGIN/END PRIVATE KEY` PEM block with a base64 body.
            GcpKeyPrivateKey = "gcp-key.private-key",
            /// Spaces or tabs inside the PEM body.
            GcpKeyPrivateKeyWhitespace = "gcp-key.private-key-whitespace",
            /// Key blank / over 64 KiB.
            GcpKeyTooLong = "gcp-key.too-long",
            /// Another Google credential type / `type` missing or not `service_account`.
            GcpKeyType = "gcp-key.type",
            /// Another Google credential type / `type` missing or not `service_account`.
            GcpKeyTypeAuthorizedUser = "gcp-key.type-authorized-user",
            /// Another Google credential type / `type` missing or not `service_account`.
            GcpKeyTypeExternalAccount = "gcp-key.type-external-account",
            /// Not `gcr.io`, `us.gcr.io`, `eu.gcr.io`, `asia.gcr.io` (or a port).
            GcrUrlHost = "gcr.url.host",
            /// A GitHub registry URL other than ghcr.io.
            GhcrUrlHost = "ghcr.url.host",
            /// GitLab.com's registry with a connection option (insecure, a CA certificate, a
            /// proxy or an SSH tunnel): those are for a self-managed GitLab only.
            GitlabComConnection = "gitlab.com-connection",
            /// The digest names an algorithm other than the ones docker/distribution knows.
            ImageReferenceDigestAlgorithm = "image.reference.digest-algorithm",
            /// The digest is not `algorithm:hex`.
            ImageReferenceDigestFormat = "image.reference.digest-format",
            /// The digest has the wrong length for its algorithm.
            ImageReferenceDigestLength = "image.reference.digest-length",
            /// An image reference is required.
            ImageReferenceEmpty = "image.reference.empty",
            /// The text is not an image reference in docker/distribution's grammar.
            ImageReferenceFormat = "image.reference.format",
            /// A 64-hex-digit identifier, which docker/distribution refuses as a repository name.
            ImageReferenceIdentifier = "image.reference.identifier",
            /// The repository name is longer than 255 characters.
            ImageReferenceNameTooLong = "image.reference.name-too-long",
            /// The repository name has uppercase letters.
            ImageReferenceUppercase = "image.reference.uppercase",
            /// Auth must be base64 of username:password; the kubelet rejects this secret.
            ImagesSourceAuth = "images.source.auth",
            /// An entry of a `.dockerconfigjson` is not an object `{ username?, password?, auth? }`.
            ImagesSourceEntry = "images.source.entry",
            /// This registry is pulled with the worker nodes' IAM role (the kubelet's credential
            /// provider), not with a secret.
            ImagesSourceIamRole = "images.source.iam-role",
            /// The text is not a JSON object (a .dockerconfigjson document is expected).
            ImagesSourceJson = "images.source.json",
            /// This registry has no credentials: images from it are pulled anonymously.
            ImagesSourceNoCredentials = "images.source.no-credentials",
            /// The kubelet ignores this entry: its server does not parse as a URL.
            ImagesSourceServer = "images.source.server",
            /// A registry configuration, a .dockerconfigjson document (object or JSON text) or a
            /// dockerconfigjson Secret is expected.
            ImagesSourceShape = "images.source.shape",
            /// Sources must be a list.
            ImagesSources = "images.sources",
            /// `*` next to other clusters (normalized to `["*"]`).
            InjectionAllWithOthers = "injection.all-with-others",
            /// Warning: both cluster lists are set; the applied list wins, as on the platform.
            InjectionBothLists = "injection.both-lists",
            /// Over 1000 entries / a blank entry / over 253 characters / the same cluster twice.
            InjectionClusterEmpty = "injection.cluster-empty",
            /// Over 1000 entries / a blank entry / over 253 characters / the same cluster twice.
            InjectionClusterTooLong = "injection.cluster-too-long",
            /// `custom-credential` without a username and password.
            InjectionCustomCredentialRequired = "injection.custom-credential-required",
            /// Warning: custom credential fields with another credential source (ignored).
            InjectionCustomCredentialUnused = "injection.custom-credential-unused",
            /// Over 1000 entries / a blank entry / over 253 characters / the same cluster twice.
            InjectionDuplicate = "injection.duplicate",
            /// Both `doNotInject` and `autoInject` list clusters.
            InjectionExclusive = "injection.exclusive",
            /// Warning: an injection policy on a registry without container use (ignored).
            InjectionNoContainerUse = "injection.no-container-use",
            /// A blank name in the comma-separated secret names.
            InjectionSecretNameEmpty = "injection.secret-name-empty",
            /// `image-pull-secret` without `secretName`.
            InjectionSecretNameRequired = "injection.secret-name-required",
            /// `secretName` with `registry-credentials` (dropped).
            InjectionSecretNameUnused = "injection.secret-name-unused",
            /// Over 1000 entries / a blank entry / over 253 characters / the same cluster twice.
            InjectionTooMany = "injection.too-many",
            /// A result could not be encoded for the host (never bad input).
            InternalEncode = "internal.encode",
            /// The WebAssembly instance trapped; it was re-created and the next call works.
            InternalTrap = "internal.trap",
            /// Registry name: blank / not 3-30 characters / uppercase / not `a-z0-9-` / not starting with
            /// a letter / ending with `-`.
            NameCharacter = "name.character",
            /// Registry name: blank / not 3-30 characters / uppercase / not `a-z0-9-` / not starting with
            /// a letter / ending with `-`.
            NameEmpty = "name.empty",
            /// Registry name: blank / not 3-30 characters / uppercase / not `a-z0-9-` / not starting with
            /// a letter / ending with `-`.
            NameEnd = "name.end",
            /// Registry name: blank / not 3-30 characters / uppercase / not `a-z0-9-` / not starting with
            /// a letter / ending with `-`.
            NameLength = "name.length",
            /// Registry name: blank / not 3-30 characters / uppercase / not `a-z0-9-` / not starting with
            /// a letter / ending with `-`.
            NameStart = "name.start",
            /// Registry name: blank / not 3-30 characters / uppercase / not `a-z0-9-` / not starting with
            /// a letter / ending with `-`.
            NameUppercase = "name.uppercase",
            /// The JS host lacks something the package needs.
            PackageHost = "package.host",
            /// The entry could not load `regcred_bg.wasm` (a bundler did not copy it).
            PackageWasmMissing = "package.wasm-missing",
            /// The password contains a NUL or DEL character.
            PasswordControl = "password.control",
            /// Blank / over 64 KiB.
            PasswordEmpty = "password.empty",
            /// Blank / over 64 KiB.
            PasswordTooLong = "password.too-long",
            /// A request carrying a password form is never redirected to another origin.
            PolicyCredentials = "policy.credentials",
            /// The URL names a cloud metadata or platform endpoint, or a link-local address.
            PolicyMetadata = "policy.metadata",
            /// The URL names a loopback or private address, or a name that is not under a public top-
            /// level domain (the host may allow private networks).
            PolicyPrivateAddress = "policy.private-address",
            /// More than 10 redirects.
            PolicyRedirects = "policy.redirects",
            /// The URL names an unspecified, broadcast, multicast or reserved address.
            PolicyReservedAddress = "policy.reserved-address",
            /// Plain http is allowed only to the registry's own host and port with connection "insecure".
            PolicyScheme = "policy.scheme",
            /// A redirect pointed to a URL that does not parse.
            PolicyUrl = "policy.url",
            /// URLs with user information are not fetched.
            PolicyUserinfo = "policy.userinfo",
            /// A public registry set as the default registry.
            PublicDefault = "public.default",
            /// GCR as a public registry.
            PublicGcr = "public.gcr",
            /// The proxy URL is not an http(s) URL with a dotted host.
            RemoteProxyUrl = "remote.proxy-url",
            /// The SSH private key is blank.
            RemoteSshAuthKey = "remote.ssh-auth-key",
            /// An SSH tunnel with neither a password nor a private key.
            RemoteSshCredentials = "remote.ssh-credentials",
            /// The SSH password is blank.
            RemoteSshPassword = "remote.ssh-password",
            /// The SSH server address is not an http(s) URL with a dotted host.
            RemoteSshServerAddress = "remote.ssh-server-address",
            /// The SSH username is missing or has characters other than letters, digits, _ and -.
            RemoteSshUsername = "remote.ssh-username",
            /// The schema given to `validateJsonSchema` does not compile.
            SchemaInvalid = "schema.invalid",
            /// The same server twice in one document.
            SecretDuplicateServer = "secret.duplicate-server",
            /// ECR with the nodes' IAM role: nothing to put in a secret.
            SecretEcrIamRole = "secret.ecr-iam-role",
            /// The token's `proxyEndpoint` is another registry.
            SecretEcrTokenRegistry = "secret.ecr-token-registry",
            /// ECR with access keys and no `ecrToken`.
            SecretEcrTokenRequired = "secret.ecr-token-required",
            /// A registry configuration given to a generator does not validate (its issues are in
            /// `errors`).
            SecretInvalid = "secret.invalid",
            /// Bad label or annotation key, bad label value.
            SecretLabelValue = "secret.label-value",
            /// Bad label or annotation key, bad label value.
            SecretMetadataKey = "secret.metadata-key",
            /// The secret name is not a DNS-1123 subdomain (≤ 253, ≤ 242 with `appendHash`).
            SecretName = "secret.name",
            /// The namespace is not a DNS-1123 label.
            SecretNamespace = "secret.namespace",
            /// No registry given.
            SecretNoRegistries = "secret.no-registries",
            /// Missing credentials.
            SecretPassword = "secret.password",
            /// A public registry has no credentials to put in a secret.
            SecretPublicRegistry = "secret.public-registry",
            /// No registry URL and the type has no default.
            SecretRegistryUrl = "secret.registry-url",
            /// Empty server, or control characters in it.
            SecretServer = "secret.server",
            /// Wrong JSON type, unknown field, unknown `format`.
            SecretShape = "secret.shape",
            /// More registries or entries than one secret may hold.
            SecretTooMany = "secret.too-many",
            /// Missing credentials.
            SecretUsername = "secret.username",
            /// `:` in a username (`auth` could not be decoded).
            SecretUsernameColon = "secret.username-colon",
            /// STS AssumeRole: the keys may not assume the role.
            StsAccessDenied = "sts.access-denied",
            /// STS AssumeRole: a redirect to another origin answered; not used.
            StsAnsweredElsewhere = "sts.answered-elsewhere",
            /// STS AssumeRole: the answer has no usable role credentials.
            StsBadResponse = "sts.bad-response",
            /// STS AssumeRole: the secret access key does not match the key id.
            StsBadSignature = "sts.bad-signature",
            /// STS AssumeRole: the network policy refused the STS URL or a redirect.
            StsBlocked = "sts.blocked",
            /// STS AssumeRole: the request time is off by more than 5 minutes.
            StsClockSkew = "sts.clock-skew",
            /// STS AssumeRole: another refusal, summarized by its HTTP status.
            StsError = "sts.error",
            /// STS AssumeRole: the session token of the keys has expired.
            StsExpiredToken = "sts.expired-token",
            /// STS AssumeRole: the access key id is unknown.
            StsInvalidKey = "sts.invalid-key",
            /// STS AssumeRole: STS is not activated in the region.
            StsRegionDisabled = "sts.region-disabled",
            /// STS AssumeRole: throttled.
            StsThrottled = "sts.throttled",
            /// STS AssumeRole: no answer in time.
            StsTimeout = "sts.timeout",
            /// STS AssumeRole: the TLS handshake failed.
            StsTls = "sts.tls",
            /// STS AssumeRole: a server error.
            StsUnavailable = "sts.unavailable",
            /// STS AssumeRole: the API could not be reached.
            StsUnreachable = "sts.unreachable",
            /// Registry URL blank / over 512 bytes / whitespace or control characters inside.
            UrlCharacter = "url.character",
            /// Registry URL blank / over 512 bytes / whitespace or control characters inside.
            UrlEmpty = "url.empty",
            /// No host, WHATWG-invalid host or IDN, unbracketed IPv6, a DNS label over 63 or a name over
            /// 253 bytes, a label starting or ending with `-`.
            UrlHost = "url.host",
            /// `http://` without the `insecure` connection.
            UrlHttpRequiresInsecure = "url.http-requires-insecure",
            /// `user:pass@` / `?query` or `#fragment` / an empty path segment (`//`).
            UrlPath = "url.path",
            /// Port not 1-65535.
            UrlPort = "url.port",
            /// `user:pass@` / `?query` or `#fragment` / an empty path segment (`//`).
            UrlQuery = "url.query",
            /// A scheme other than `https://` or `http://`, or a malformed one (`https:/x`).
            UrlScheme = "url.scheme",
            /// Registry URL blank / over 512 bytes / whitespace or control characters inside.
            UrlTooLong = "url.too-long",
            /// `user:pass@` / `?query` or `#fragment` / an empty path segment (`//`).
            UrlUserinfo = "url.userinfo",
            /// Charts are pulled but no chart repository is listed.
            UsageChartRepositories = "usage.chart-repositories",
            /// Warning: chart repositories while charts are not pulled (dropped).
            UsageChartRepositoriesUnused = "usage.chart-repositories-unused",
            /// A blank chart repository entry.
            UsageChartRepositoryEmpty = "usage.chart-repository-empty",
            /// Container use other than pull-push.
            UsageContainerAccess = "usage.container-access",
            /// A registry that only pulls charts set as the default registry.
            UsageDefaultChartPullOnly = "usage.default-chart-pull-only",
            /// `usage` names neither container images nor charts.
            UsageEmpty = "usage.empty",
            /// Charts on GCR, which is no OCI chart store.
            UsageGcrCharts = "usage.gcr-charts",
            /// More than 1000 chart repositories.
            UsageTooMany = "usage.too-many",
            /// Blank / over 256 characters / contains `:` (breaks `auth`) / control characters.
            UsernameColon = "username.colon",
            /// Blank / over 256 characters / contains `:` (breaks `auth`) / control characters.
            UsernameControl = "username.control",
            /// Blank / over 256 characters / contains `:` (breaks `auth`) / control characters.
            UsernameEmpty = "username.empty",
            /// A GCP type with a username other than `_json_key`.
            UsernameJsonKey = "username.json-key",
            /// Blank / over 256 characters / contains `:` (breaks `auth`) / control characters.
            UsernameTooLong = "username.too-long",
            /// Leading or trailing whitespace.
            UsernameWhitespace = "username.whitespace",
            /// The request was redirected to another origin, which answered instead of the server it was
            /// meant for; the credentials were not checked.
            VerifyAnsweredElsewhere = "verify.answered-elsewhere",
            /// The Bearer challenge names no usable realm.
            VerifyChallenge = "verify.challenge",
            /// The registry requires a username and password.
            VerifyCredentialsRequired = "verify.credentials-required",
            /// The access key id and secret access key are required.
            VerifyEcrKeys = "verify.ecr-keys",
            /// The verification machine was asked for a step after it had finished (a driver bug, never
            /// bad input).
            VerifyInternal = "verify.internal",
            /// The URL answers, but not as a Docker Registry HTTP API v2 (/v2/).
            VerifyNotARegistry = "verify.not-a-registry",
            /// The host's fetch hid a redirect (browsers do with redirect: 'manual').
            VerifyOpaqueRedirect = "verify.opaque-redirect",
            /// The registry URL is missing.
            VerifyRegistryUrl = "verify.registry-url",
            /// The server answered with a server error (5xx).
            VerifyServerError = "verify.server-error",
            /// No answer within the timeout.
            VerifyTimeout = "verify.timeout",
            /// The TLS handshake failed (certificate not trusted, expired or for another host).
            VerifyTls = "verify.tls",
            /// The token service answered without a token.
            VerifyToken = "verify.token",
            /// The registry refused the credentials.
            VerifyUnauthorized = "verify.unauthorized",
            /// The server could not be reached.
            VerifyUnreachable = "verify.unreachable",
        }
    };
}
