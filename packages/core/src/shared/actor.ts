import type { Principal } from '../accounts/user.entity';

/** Who performs a use case and under which request, for authorization and the audit trail. */
export interface Actor {
  readonly principal: Principal;
  readonly requestId?: string;
}
