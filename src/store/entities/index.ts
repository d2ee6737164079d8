import { AbsenceEntity } from './absence.entity';
import { AgencyEntity } from './agency.entity';
import { AuditEventEntity } from './audit-event.entity';
import { AuthKeyEntity } from './auth-key.entity';
import { CalendarTableEntity } from './calendar-table.entity';
import { DecisionDefinitionEntity } from './decision-definition.entity';
import { DeploymentEntity } from './deployment.entity';
import { DeskNoticeEntity } from './desk-notice.entity';
import { DispatchEntity } from './dispatch.entity';
import { NotificationTemplateEntity } from './notification-template.entity';
import { DossierFeedbackEntity } from './dossier-feedback.entity';
import { DossierFormEntity } from './dossier-form.entity';
import { DossierPaperEntity } from './dossier-paper.entity';
import { DossierPaymentEntity } from './dossier-payment.entity';
import { DossierDurationRollupEntity } from './dossier-duration-rollup.entity';
import { DossierRollupEntity } from './dossier-rollup.entity';
import { StepRollupEntity } from './step-rollup.entity';
import { DossierSequenceEntity } from './dossier-sequence.entity';
import { DossierEntity } from './dossier.entity';
import { HistoryEventEntity } from './history-event.entity';
import { IncidentEntity } from './incident.entity';
import { JobEntity, isInstanceJob, type InstanceJob } from './job.entity';
import { MessageStartEntity } from './message-start.entity';
import { MessageSubscriptionEntity } from './message-subscription.entity';
import { OfficerEntity } from './officer.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { ProcessInstanceEntity } from './process-instance.entity';
import { RoleMembershipEntity } from './role-membership.entity';
import { ServiceIndexInputEntity } from './service-index-input.entity';
import { SignedResultEntity } from './signed-result.entity';
import { TaskEntity } from './task.entity';
import { TaskFormEntity } from './task-form.entity';
import { TaskHandOnEntity } from './task-hand-on.entity';

export {
  AbsenceEntity,
  AgencyEntity,
  AuditEventEntity,
  AuthKeyEntity,
  OfficerEntity,
  RoleMembershipEntity,
  ServiceIndexInputEntity,
  SignedResultEntity,
  isInstanceJob,
  CalendarTableEntity,
  IncidentEntity,
  JobEntity,
  DecisionDefinitionEntity,
  MessageStartEntity,
  MessageSubscriptionEntity,
  DeploymentEntity,
  DeskNoticeEntity,
  DispatchEntity,
  NotificationTemplateEntity,
  DossierEntity,
  DossierFeedbackEntity,
  DossierFormEntity,
  DossierPaperEntity,
  DossierPaymentEntity,
  DossierRollupEntity,
  DossierDurationRollupEntity,
  StepRollupEntity,
  DossierSequenceEntity,
  HistoryEventEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TaskEntity,
  TaskFormEntity,
  TaskHandOnEntity,
};
export type { TaskState } from './task.entity';
export type {
  Applicant,
  DossierChannel,
  DossierOutcome,
  Representative,
  ResultReturnMethod,
  SubmittedComponent,
} from './dossier.entity';
export type {
  DispatchOutcome,
  DispatchTopic,
  NotificationChannel,
  NotificationEvent,
} from './dispatch.entity';
export type { PaymentMethod } from './dossier-payment.entity';
export type { JobKind } from './job.entity';
export type { InstanceJob };
export type { IncidentResolution, IncidentStatus } from './incident.entity';
export type { MembershipKind } from './role-membership.entity';

export const entities = [
  DecisionDefinitionEntity,
  DeploymentEntity,
  DeskNoticeEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TaskEntity,
  HistoryEventEntity,
  MessageSubscriptionEntity,
  MessageStartEntity,
  JobEntity,
  IncidentEntity,
  CalendarTableEntity,
  AgencyEntity,
  OfficerEntity,
  RoleMembershipEntity,
  AbsenceEntity,
  AuditEventEntity,
  AuthKeyEntity,
  DossierEntity,
  DossierSequenceEntity,
  DossierFormEntity,
  DossierPaperEntity,
  DossierPaymentEntity,
  DossierFeedbackEntity,
  DossierRollupEntity,
  DossierDurationRollupEntity,
  StepRollupEntity,
  ServiceIndexInputEntity,
  TaskFormEntity,
  TaskHandOnEntity,
  DispatchEntity,
  NotificationTemplateEntity,
  SignedResultEntity,
];
