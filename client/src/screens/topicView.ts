/**
 * @module screens/topicView
 * What every view of one topic's result needs: the template and topic, the topic's state, the
 * session's facilities (per-facility topics) and its k. One shape for the projector's and the
 * console's result, the record form and the needs-improvement choice.
 */
import type { FacilityRoles } from "../../../core/facilities";
import type { DomainState } from "../../../core/session";
import type { Domain, Template } from "../../../core/template";

export interface TopicView {
  template: Template;
  domain: Domain;
  state: DomainState;
  facilities: readonly string[];
  /** Which facility is yours and which under review (absent from rooms before roles). */
  roles?: FacilityRoles | undefined;
  k: number;
}
