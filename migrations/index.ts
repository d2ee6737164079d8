/** Every migration, in order. Listed explicitly so that tests and the built server load the same. */
import { Initial1795316972050 } from './1795316972050-Initial';
import { MessageWaits1795318843140 } from './1795318843140-MessageWaits';
import { TaskAssignment1795319329355 } from './1795319329355-TaskAssignment';
import { Jobs1795319965553 } from './1795319965553-Jobs';
import { CallActivities1795320384203 } from './1795320384203-CallActivities';
import { Incidents1795325750693 } from './1795325750693-Incidents';
import { JobWakeUp1795325750700 } from './1795325750700-JobWakeUp';
import { Calendars1795326188329 } from './1795326188329-Calendars';
import { Deadlines1795326388262 } from './1795326388262-Deadlines';
import { StartTimers1795326710441 } from './1795326710441-StartTimers';
import { MessageOutbox1795326933964 } from './1795326933964-MessageOutbox';
import { Officers1795329264312 } from './1795329264312-Officers';
import { InstanceAgency1795329785429 } from './1795329785429-InstanceAgency';
import { TaskSignature1795986232634 } from './1795986232634-TaskSignature';
import { ChangeNotify1795990000000 } from './1795990000000-ChangeNotify';
import { Dossiers1795990100000 } from './1795990100000-Dossiers';
import { DossierPayments1795990200000 } from './1795990200000-DossierPayments';
import { AgencyServes1795990300000 } from './1795990300000-AgencyServes';
import { DossierFeedback1795991150038 } from './1795991150038-DossierFeedback';
import { Metrics1795997191187 } from './1795997191187-Metrics';
import { TaskFormsAndHandOns1796002110374 } from './1796002110374-TaskFormsAndHandOns';
import { InboxKeys1796003423680 } from './1796003423680-InboxKeys';
import { OpenTaskGroups1796013000000 } from './1796013000000-OpenTaskGroups';
import { OfficerAgency1796014000000 } from './1796014000000-OfficerAgency';
import { DossierList1796015000000 } from './1796015000000-DossierList';
import { ResultMeasures1796016000000 } from './1796016000000-ResultMeasures';
import { ReceptionHours1796017000000 } from './1796017000000-ReceptionHours';
import { ApplicantKind1796018000000 } from './1796018000000-ApplicantKind';
import { StepRollupShards1796012358384 } from './1796012358384-StepRollupShards';
import { OfficeTimeZone1796428000000 } from './1796428000000-OfficeTimeZone';
import { SignalSubscriptions1796429000000 } from './1796429000000-SignalSubscriptions';
import { DecisionDefinitions1796430000000 } from './1796430000000-DecisionDefinitions';
import { TaskOwnerAgency1796431000000 } from './1796431000000-TaskOwnerAgency';
import { UnownedTaskOrder1796432000000 } from './1796432000000-UnownedTaskOrder';
import { MonthlyPartitions1796433000000 } from './1796433000000-MonthlyPartitions';
import { Archive1796434000000 } from './1796434000000-Archive';
import { NationalPublication1796435000000 } from './1796435000000-NationalPublication';
import { UnsatisfiedDossiers1796436000000 } from './1796436000000-UnsatisfiedDossiers';
import { InProgressMeasures1796437000000 } from './1796437000000-InProgressMeasures';
import { AgencyPayee1796438000000 } from './1796438000000-AgencyPayee';
import { BankReference1796439000000 } from './1796439000000-BankReference';
import { Dispatch1796440000000 } from './1796440000000-Dispatch';
import { SynchronizedMeasure1796441000000 } from './1796441000000-SynchronizedMeasure';
import { DeskNotices1796426851138 } from './1796426851138-DeskNotices';
import { AgencyParent1796427000000 } from './1796427000000-AgencyParent';
import { DossierPapers1796443000000 } from './1796443000000-DossierPapers';
import { HistoryReason1796444700000 } from './1796444700000-HistoryReason';
import { SignedResults1796442000000 } from './1796442000000-SignedResults';

export const migrations = [
  Initial1795316972050,
  MessageWaits1795318843140,
  TaskAssignment1795319329355,
  Jobs1795319965553,
  CallActivities1795320384203,
  Incidents1795325750693,
  JobWakeUp1795325750700,
  Calendars1795326188329,
  Deadlines1795326388262,
  StartTimers1795326710441,
  MessageOutbox1795326933964,
  Officers1795329264312,
  InstanceAgency1795329785429,
  TaskSignature1795986232634,
  ChangeNotify1795990000000,
  Dossiers1795990100000,
  DossierPayments1795990200000,
  AgencyServes1795990300000,
  DossierFeedback1795991150038,
  Metrics1795997191187,
  TaskFormsAndHandOns1796002110374,
  InboxKeys1796003423680,
  StepRollupShards1796012358384,
  OpenTaskGroups1796013000000,
  OfficerAgency1796014000000,
  DossierList1796015000000,
  ResultMeasures1796016000000,
  ReceptionHours1796017000000,
  ApplicantKind1796018000000,
  DeskNotices1796426851138,
  AgencyParent1796427000000,
  OfficeTimeZone1796428000000,
  SignalSubscriptions1796429000000,
  DecisionDefinitions1796430000000,
  TaskOwnerAgency1796431000000,
  UnownedTaskOrder1796432000000,
  MonthlyPartitions1796433000000,
  Archive1796434000000,
  NationalPublication1796435000000,
  UnsatisfiedDossiers1796436000000,
  InProgressMeasures1796437000000,
  AgencyPayee1796438000000,
  BankReference1796439000000,
  Dispatch1796440000000,
  SynchronizedMeasure1796441000000,
  SignedResults1796442000000,
  DossierPapers1796443000000,
  HistoryReason1796444700000,
];
