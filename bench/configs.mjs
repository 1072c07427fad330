// The configurations the benchmarks validate: a typical one (Docker Hub with a token, what most
// people enter) and one per URL family, all valid.
export const now = Date.parse('2026-01-01T00:00:00Z');

export const configs = {
  'docker-hub': { name: 'dockerhub', registryType: 'docker-hub', registryUrl: 'https://index.docker.io/v1/', username: 'alice', password: 'dckr_pat_0123456789abcdef', isDefault: true },
  ecr: { name: 'ecr-prod', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', injection: { autoInject: ['*'] } },
  other: { name: 'harbor', registryType: 'other', registryUrl: 'https://harbor.example.com:8443/project', username: 'robot$ci', password: 'p', connection: 'insecure' },
};

export const typicalConfig = configs['docker-hub'];
