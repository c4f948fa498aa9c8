// What the Lambda bundles get for "@aws-sdk/credential-provider-node" (an esbuild alias, see
// lib/bundling/lambda-aliases.ts). Lambda hands every function its role's credentials in
// environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), the first
// place the SDK's default chain looks; the rest of the chain — shared config files, SSO, login,
// web identity, credential processes, container and instance metadata — never answers there, yet
// brings about 70 kB and three nested clients into every bundle.
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
