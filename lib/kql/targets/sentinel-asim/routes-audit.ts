/**
 * ASIM Audit Event routes (imAuditEvent) for cloud control-plane logs. imAuditEvent unifies every audit source,
 * so each route filters on the source's EventVendor/EventProduct to keep the rule's logsource. Mappings follow
 * the ASIM parsers in Azure/Azure-Sentinel (Parsers/ASimAuditEvent): vimAuditEventAWSCloudTrail and
 * vimAuditEventAzureAdminActivity.
 */
import type { FieldMapping, TableRoute } from "../../target";
import { textIn } from "../shared/filters";

const NOT_KEPT = (what: string) => ({ unsupported: `the ASIM parser does not keep ${what} in a column` });

/** CloudTrail fields → imAuditEvent (EventName → Operation, EventSource → TargetAppName, …). */
const CLOUDTRAIL_FIELDS: Record<string, FieldMapping> = {
  eventName: { column: "Operation" },
  eventSource: { column: "TargetAppName" },
  eventType: { column: "EventSubType" },
  userAgent: { column: "HttpUserAgent" },
  errorMessage: { column: "EventMessage" },
  "userIdentity.type": { column: "ActorOriginalUserType" },
  "userIdentity.userName": { column: "ActorUsername" },
  "userIdentity.accountId": { column: "ActorUserId" },
  errorCode: NOT_KEPT("CloudTrail's errorCode (only EventResult Success/Failure)"),
  sourceIPAddress: { unsupported: "the ASIM CloudTrail parser blanks sourceIPAddress values that are service names, not IPs" },
  "userIdentity.arn": NOT_KEPT("userIdentity.arn (only inside AdditionalFields)"),
  requestParameters: NOT_KEPT("requestParameters (only inside AdditionalFields)"),
  responseElements: NOT_KEPT("responseElements"),
};

/** Azure Activity fields → imAuditEvent (OperationNameValue → Operation, CategoryValue → EventOriginalType). */
const AZURE_ACTIVITY_FIELDS: Record<string, FieldMapping> = {
  operationName: { column: "Operation" },
  OperationNameValue: { column: "Operation" },
  CategoryValue: { column: "EventOriginalType" },
  ResourceProviderValue: NOT_KEPT("ResourceProviderValue"),
  ResourceId: NOT_KEPT("ResourceId"),
  "properties.message": NOT_KEPT("properties.message"),
};

/** Audit routes, in the order the pipeline tries them. */
export const AUDIT_ROUTES: TableRoute[] = [
  {
    id: "sentinel-asim/aws-cloudtrail",
    when: { product: "aws", service: "cloudtrail" },
    table: "imAuditEvent",
    filter: { kind: "and", items: [textIn("EventVendor", "AWS"), textIn("EventProduct", "CloudTrail")] },
    fields: CLOUDTRAIL_FIELDS,
    connectors: ["Amazon Web Services"],
    note: "ASIM Audit Event parser (imAuditEvent) restricted to AWS CloudTrail events.",
  },
  {
    id: "sentinel-asim/azure-activitylogs",
    when: { product: "azure", service: "activitylogs" },
    table: "imAuditEvent",
    filter: { kind: "and", items: [textIn("EventVendor", "Microsoft"), textIn("EventProduct", "Azure")] },
    fields: AZURE_ACTIVITY_FIELDS,
    connectors: ["Azure Activity"],
    note: "ASIM Audit Event parser (imAuditEvent) restricted to Azure Activity; the ASIM parser reads only Administrative-category events.",
  },
];
