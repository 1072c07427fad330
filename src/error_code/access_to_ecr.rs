//! The codes of the areas `access` to `ecr`, in alphabetical order (the rest are in
//! `email_to_verify.rs`; see the module documentation of `error_code` for how to add one).

/// Hands the codes of the areas `access` to `ecr` on: `access_to_ecr!(next, last)` calls
/// `next!(last { codes })`, and `next` adds its own codes before calling `last!`.
macro_rules! access_to_ecr {
    ($next:ident, $last:ident) => {
        $next!($last {
            /// `options.actions` holds something other than "pull" and "push".
            AccessActions = "access.actions",
            /// The registry refuses anonymous access to this repository.
            AccessCredentialsRequired = "access.credentials-required",
            /// The credentials are valid, but the registry refuses them for this repository.
            AccessDenied = "access.denied",
            /// The repository has no manifest for this tag or digest.
            AccessManifestUnknown = "access.manifest-unknown",
            /// The registry does not know this repository.
            AccessNameUnknown = "access.name-unknown",
            /// The registry answered 404 for this repository.
            AccessNotFound = "access.not-found",
            /// The image reference names another registry than this configuration's.
            AccessOtherRegistry = "access.other-registry",
            /// The registry refuses to open an upload: push is not granted.
            AccessPushDenied = "access.push-denied",
            /// The registry does not say whether these credentials may push; the write probe (probeWrite)
            /// would open and cancel an upload.
            AccessPushUnverified = "access.push-unverified",
            /// `options.repository` is not a repository name or image reference.
            AccessRepository = "access.repository",
            /// The registry opened an upload: push is granted; cancelling it was refused (Distribution
            /// wants the delete action for that), so the empty upload stays until the registry purges
            /// stale uploads.
            AccessUploadNotCancelled = "access.upload-not-cancelled",
            /// Not `<5-50 alphanumerics>.azurecr.io|cn|us` (or a port) / a path.
            AcrUrlHost = "acr.url.host",
            /// Not `<5-50 alphanumerics>.azurecr.io|cn|us` (or a port) / a path.
            AcrUrlPath = "acr.url.path",
            /// The configuration is of a type the function cannot use (`ecrAuthorizationToken` given a
            /// configuration that is not ECR).
            ArgumentConfig = "argument.config",
            /// Unknown field name.
            ArgumentField = "argument.field",
            /// A required argument or option is absent (`undefined` or `null`).
            ArgumentMissing = "argument.missing",
            /// `options.mode` is neither "create" nor "update".
            ArgumentMode = "argument.mode",
            /// `options.now` is neither ISO-8601 text nor epoch milliseconds.
            ArgumentNow = "argument.now",
            /// Unknown registry type id.
            ArgumentRegistryType = "argument.registry-type",
            /// `options.secretNaming` is neither "regcred" nor "platform".
            ArgumentSecretNaming = "argument.secret-naming",
            /// `options.timeoutMs` is not a positive number.
            ArgumentTimeout = "argument.timeout",
            /// An argument is larger than the library accepts.
            ArgumentTooLarge = "argument.too-large",
            /// An argument or option has the wrong JavaScript type (or cannot be carried as JSON).
            ArgumentType = "argument.type",
            /// Not `<location>-docker.pkg.dev` (or a port).
            ArtifactRegistryUrlHost = "artifact-registry.url.host",
            /// Blank / not `AKIA`/`ASIA` + 16 of `A-Z2-7`.
            AwsAccessKeyIdEmpty = "aws.access-key-id.empty",
            /// Blank / not `AKIA`/`ASIA` + 16 of `A-Z2-7`.
            AwsAccessKeyIdFormat = "aws.access-key-id.format",
            /// Blank / over 128 characters.
            AwsSecretAccessKeyEmpty = "aws.secret-access-key.empty",
            /// Not 40 characters of `A-Za-z0-9+/`.
            AwsSecretAccessKeyFormat = "aws.secret-access-key.format",
            /// Blank / over 128 characters.
            AwsSecretAccessKeyTooLong = "aws.secret-access-key.too-long",
            /// Blank / over 4096 bytes / whitespace or control characters.
            AwsSessionTokenCharacter = "aws.session-token.character",
            /// Blank / over 4096 bytes / whitespace or control characters.
            AwsSessionTokenEmpty = "aws.session-token.empty",
            /// `ASIA` key without a token / `AKIA` key with one.
            AwsSessionTokenMissing = "aws.session-token.missing",
            /// Blank / over 4096 bytes / whitespace or control characters.
            AwsSessionTokenTooLong = "aws.session-token.too-long",
            /// `ASIA` key without a token / `AKIA` key with one.
            AwsSessionTokenUnexpected = "aws.session-token.unexpected",
            /// Error.
            CertBase64 = "cert.base64",
            /// Error.
            CertDerMalformed = "cert.der-malformed",
            /// Error.
            CertDerTruncated = "cert.der-truncated",
            /// Warning.
            CertDuplicate = "cert.duplicate",
            /// Error.
            CertExpired = "cert.expired",
            /// Warning.
            CertExpiresSoon = "cert.expires-soon",
            /// Warning.
            CertHostMismatch = "cert.host-mismatch",
            /// Warning.
            CertIntermediateWithoutRoot = "cert.intermediate-without-root",
            /// Error.
            CertKeyUsage = "cert.key-usage",
            /// A certificate is a leaf (server) certificate, not a CA (a warning).
            CertLeaf = "cert.leaf",
            /// `secure-with-cert` without a certificate / a non-empty certificate with another mode.
            CertNotAllowed = "cert.not-allowed",
            /// Error.
            CertNotCa = "cert.not-ca",
            /// Error.
            CertNotFound = "cert.not-found",
            /// Warning.
            CertNotYetValid = "cert.not-yet-valid",
            /// Error.
            CertPemUnterminated = "cert.pem-unterminated",
            /// Error.
            CertPrivateKey = "cert.private-key",
            /// `secure-with-cert` without a certificate / a non-empty certificate with another mode.
            CertRequired = "cert.required",
            /// Error.
            CertTooLarge = "cert.too-large",
            /// Error.
            CertTrailingBytes = "cert.trailing-bytes",
            /// Warning.
            CertV1 = "cert.v1",
            /// Error.
            CertWrongLabel = "cert.wrong-label",
            /// `registryType`, `connection`, `awsAuthType` or `credentialSource` outside its list.
            ConfigEnum = "config.enum",
            /// A value for a field the type's form does not show with these settings: left out (a warning).
            ConfigIgnored = "config.ignored",
            /// A generator or a credential check was given a registry configuration that does not
            /// validate; the thrown error carries the failing `errors`.
            ConfigInvalid = "config.invalid",
            /// Warning (update mode): a blank or absent secret keeps the stored one.
            ConfigKeepStored = "config.keep-stored",
            /// A required field is missing (`name`, `registryType`, `registryUrl` for ecr/acr/artifact-
            /// registry/other, `username` and `password` where the type has them, `awsAuthType`, the
            /// access keys with `user-auth`).
            ConfigRequired = "config.required",
            /// A field (or the configuration) has the wrong JSON type; `null` included.
            ConfigType = "config.type",
            /// A key the schema does not define.
            ConfigUnknownField = "config.unknown-field",
            /// The connection must be "secure", "secure-with-cert" or "insecure".
            ConnectionUnknown = "connection.unknown",
            /// Connection must be secure, secure-with-cert or insecure.
            DevtronConnection = "devtron.connection",
            /// `remoteConnectionConfig.connectionMethod` is not DIRECT, PROXY or SSH.
            DevtronConnectionMethod = "devtron.connection-method",
            /// `registryCredentialsType` is not username_password or anonymous.
            DevtronCredentialsType = "devtron.credentials-type",
            /// A CUSTOM_CREDENTIAL `credentialValue` is not the credential JSON.
            DevtronCustomCredential = "devtron.custom-credential",
            /// Warning: a payload field a configuration cannot carry was left out.
            DevtronDroppedField = "devtron.dropped-field",
            /// This field must be a string.
            DevtronFieldType = "devtron.field-type",
            /// The registry id (its name) is required.
            DevtronId = "devtron.id",
            /// Only SAME_AS_REGISTRY and NAME are supported (custom credentials are not).
            DevtronIpsCredentialType = "devtron.ips-credential-type",
            /// An `ociRegistryConfig` value is not PULL, PUSH or PULL/PUSH.
            DevtronOciAccess = "devtron.oci-access",
            /// `ociRegistryConfig` does not fit `isOCICompliantRegistry`, or has keys other than CONTAINER and CHART.
            DevtronOciConfig = "devtron.oci-config",
            /// RegistryType must be one of ecr, docker-hub, acr, artifact-registry, gcr, quay, other.
            DevtronRegistryType = "devtron.registry-type",
            /// The payload must be an object.
            DevtronShape = "devtron.shape",
            /// Warning of toDevtronPayloadReport: a type the platform does not know (ghcr, harbor) is
            /// sent as "other".
            DevtronTypeAsOther = "devtron.type-as-other",
            /// This field is not part of Devtron's registry payload and was ignored.
            DevtronUnknownField = "devtron.unknown-field",
            /// Namespace blank / over 63 characters / not a DNS-1123 label.
            DnsLabelEmpty = "dns-label.empty",
            /// Namespace blank / over 63 characters / not a DNS-1123 label.
            DnsLabelInvalid = "dns-label.invalid",
            /// Namespace blank / over 63 characters / not a DNS-1123 label.
            DnsLabelTooLong = "dns-label.too-long",
            /// Secret name blank / over 253 characters / not a DNS-1123 subdomain.
            DnsSubdomainEmpty = "dns-subdomain.empty",
            /// Secret name blank / over 253 characters / not a DNS-1123 subdomain.
            DnsSubdomainInvalid = "dns-subdomain.invalid",
            /// Secret name blank / over 253 characters / not a DNS-1123 subdomain.
            DnsSubdomainTooLong = "dns-subdomain.too-long",
            /// Not `docker.io`/`index.docker.io`/`registry-1.docker.io` (or a port) / a path other than
            /// `/v1/` `/v2/`.
            DockerHubUrlHost = "docker-hub.url.host",
            /// Not `docker.io`/`index.docker.io`/`registry-1.docker.io` (or a port) / a path other than
            /// `/v1/` `/v2/`.
            DockerHubUrlPath = "docker-hub.url.path",
            /// The key is valid but may not call ecr:GetAuthorizationToken.
            EcrAccessDenied = "ecr.access-denied",
            /// The ECR API redirected the request to another origin; that answer is not used.
            EcrAnsweredElsewhere = "ecr.answered-elsewhere",
            /// The ECR answer has no usable authorization data.
            EcrBadResponse = "ecr.bad-response",
            /// AWS rejected the signature: the secret access key does not match the access key id.
            EcrBadSignature = "ecr.bad-signature",
            /// The network policy refused the ECR API request (a private address, a scheme or a redirect
            /// it does not allow).
            EcrBlocked = "ecr.blocked",
            /// AWS rejected the request time: the clock of this host is off by more than 5 minutes.
            EcrClockSkew = "ecr.clock-skew",
            /// ECR answered with an unexpected status.
            EcrError = "ecr.error",
            /// The session token has expired.
            EcrExpiredToken = "ecr.expired-token",
            /// This registry uses the worker nodes' IAM role: there are no keys to check here, and that
            /// role can only be exercised from the nodes themselves.
            EcrIamRole = "ecr.iam-role",
            /// AWS does not know this access key id (or the session token is invalid).
            EcrInvalidKey = "ecr.invalid-key",
            /// `assumeRoleArn` is not an IAM role ARN.
            EcrRoleArnFormat = "ecr.role-arn.format",
            /// `assumeRoleArn` names an unknown partition, or another than the registry region's.
            EcrRoleArnPartition = "ecr.role-arn.partition",
            /// AWS throttled the request; try again later.
            EcrThrottled = "ecr.throttled",
            /// The ECR API did not answer within the timeout.
            EcrTimeout = "ecr.timeout",
            /// The TLS handshake with the ECR API failed.
            EcrTls = "ecr.tls",
            /// ECR answered with a server error (5xx).
            EcrUnavailable = "ecr.unavailable",
            /// The ECR API could not be reached.
            EcrUnreachable = "ecr.unreachable",
            /// The part before `.dkr` is not exactly one 12-digit label.
            EcrUrlAccountId = "ecr.url.account-id",
            /// An ECR API host (`api.ecr.<region>...`, `ecr.<region>.api.aws`, `api.ecr-public...`)
            /// instead of the registry.
            EcrUrlApiHost = "ecr.url.api-host",
            /// As the `url.*` codes, for an ECR address.
            EcrUrlCharacter = "ecr.url.character",
            /// As the `url.*` codes, for an ECR address.
            EcrUrlEmpty = "ecr.url.empty",
            /// As the `url.*` codes, for an ECR address.
            EcrUrlHost = "ecr.url.host",
            /// Not an ECR registry host (no `dkr.ecr`, an IP address, another service).
            EcrUrlNotEcr = "ecr.url.not-ecr",
            /// As the `url.*` codes, for an ECR address.
            EcrUrlPath = "ecr.url.path",
            /// A port.
            EcrUrlPort = "ecr.url.port",
            /// As the `url.*` codes, for an ECR address.
            EcrUrlQuery = "ecr.url.query",
            /// Region missing, malformed, extra labels, or of another partition.
            EcrUrlRegion = "ecr.url.region",
            /// Any scheme but `https://` (ECR is HTTPS-only).
            EcrUrlScheme = "ecr.url.scheme",
            /// An unknown domain after the region (look-alikes such as `...amazonaws.com.evil.example`),
            /// or the dual-stack/IPv4 forms crossed.
            EcrUrlSuffix = "ecr.url.suffix",
            /// As the `url.*` codes, for an ECR address.
            EcrUrlTooLong = "ecr.url.too-long",
            /// As the `url.*` codes, for an ECR address.
            EcrUrlUserinfo = "ecr.url.userinfo",
        });
    };
}
