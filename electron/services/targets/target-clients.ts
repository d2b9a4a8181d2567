import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import type { Target } from '../../../shared/contract/targets.ts';

/** The SDK clients of one AWS target, sharing its credentials. */
export interface TargetClients {
  readonly target: Target;
  readonly lambda: LambdaClient;
  readonly sts: STSClient;
  readonly iam: IAMClient;
  readonly credentials: ReturnType<typeof fromIni>;
}

export interface TargetClientOptions {
  /**
   * Endpoints per service that override the target's own (a test's stand-in IAM, which no
   * Lambda-only endpoint serves). The target's `endpoint` otherwise serves every service.
   */
  serviceEndpoints?: { iam?: string; sts?: string };
  /** Attempts per call, retries included; throttling is retried with backoff (default 6). */
  maxAttempts?: number;
}

/**
 * One set of clients per target, built on first use and rebuilt when the target's settings change.
 * Credentials come from the SDK's own profile resolution (config and credentials files, SSO,
 * credential_process, assume-role), which also refreshes them before they expire.
 */
export function createTargetClientCache(options: TargetClientOptions = {}) {
  const cache = new Map<string, { key: string; clients: TargetClients }>();

  function build(target: Target): TargetClients {
    // ignoreCache: a profile fixed in the files after a failure is picked up on the next try.
    const credentials = fromIni({ ...(target.profile === undefined ? {} : { profile: target.profile }), ignoreCache: true });
    const common = {
      region: target.region,
      credentials,
      // Adaptive retries back off on throttling and pace later calls, which keeps polling within API limits.
      retryMode: 'adaptive',
      maxAttempts: options.maxAttempts ?? 6,
    } as const;
    const endpointFor = (service: 'iam' | 'sts') => options.serviceEndpoints?.[service] ?? target.endpoint;
    const iamEndpoint = endpointFor('iam');
    const stsEndpoint = endpointFor('sts');
    return {
      target,
      credentials,
      lambda: new LambdaClient({ ...common, ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }) }),
      sts: new STSClient({ ...common, ...(stsEndpoint === undefined ? {} : { endpoint: stsEndpoint }) }),
      iam: new IAMClient({ ...common, ...(iamEndpoint === undefined ? {} : { endpoint: iamEndpoint }) }),
    };
  }

  return {
    /** The clients for the target as it is now; a changed target gets new ones. */
    for(target: Target): TargetClients {
      const key = JSON.stringify([target.profile, target.region, target.endpoint]);
      const cached = cache.get(target.id);
      if (cached !== undefined && cached.key === key) return cached.clients;
      if (cached !== undefined) destroy(cached.clients);
      const clients = build(target);
      cache.set(target.id, { key, clients });
      return clients;
    },
    /** Drops a removed target's clients. */
    forget(id: string): void {
      const cached = cache.get(id);
      if (cached !== undefined) destroy(cached.clients);
      cache.delete(id);
    },
    close(): void {
      for (const { clients } of cache.values()) destroy(clients);
      cache.clear();
    },
  };
}

function destroy(clients: TargetClients): void {
  clients.lambda.destroy();
  clients.sts.destroy();
  clients.iam.destroy();
}

export type TargetClientCache = ReturnType<typeof createTargetClientCache>;
