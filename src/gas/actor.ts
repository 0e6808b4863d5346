// Who acted, for the Journal's « Par »: the trigger, a run from the menu, or a person in
// the sidebar. The labels are the domain's (ACTORS); only asking Google who is here.
import { ACTORS, sidebarActor } from "../domain/journal";

export function runActor(automatic: boolean): string {
  return automatic ? ACTORS.automatic : ACTORS.manual;
}

/** Who acts from the sidebar. Session may refuse to say (consumer accounts, other domains). */
export function sidebarUser(): string {
  try {
    return sidebarActor(Session.getActiveUser().getEmail());
  } catch (_) {
    return ACTORS.sidebar;
  }
}
