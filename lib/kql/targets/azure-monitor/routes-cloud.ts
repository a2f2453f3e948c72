/**
 * Azure Monitor routes for cloud audit logs: Microsoft Entra ID (SigninLogs, AuditLogs, AADUserRiskEvents), Azure
 * Activity, Microsoft 365 (OfficeActivity), AWS CloudTrail, Google Cloud audit logs and AKS audit logs.
 * Dotted Sigma names become properties of a dynamic column, or keys of parsed JSON text where the table
 * stores the object as a string (AWSCloudTrail's RequestParameters).
 */
import type { FieldMapping, TableRoute } from "../../target";

const prop = (column: string, property: string, type?: "number"): FieldMapping =>
  type ? { column, property, type } : { column, property };

/** A key inside a column that holds JSON text (AWSCloudTrail keeps request/response objects as strings). */
const jsonText = (column: string, path: string): FieldMapping => ({
  expr: `tostring(parse_json(${column}).${path})`,
  columns: [column],
});

const AWS_FIELDS: Record<string, FieldMapping> = {
  eventName: { column: "EventName" },
  eventSource: { column: "EventSource" },
  eventType: { column: "EventTypeName" },
  userAgent: { column: "UserAgent" },
  errorCode: { column: "ErrorCode" },
  errorMessage: { column: "ErrorMessage" },
  sourceIPAddress: { column: "SourceIpAddress" },
  awsRegion: { column: "AWSRegion" },
  "userIdentity.type": { column: "UserIdentityType" },
  "userIdentity.arn": { column: "UserIdentityArn" },
  "userIdentity.accountId": { column: "UserIdentityAccountId" },
  "userIdentity.userName": { column: "UserIdentityUserName" },
  "userIdentity.sessionContext.sessionIssuer.type": { column: "SessionIssuerType" },
  requestParameters: { column: "RequestParameters" },
  responseElements: { column: "ResponseElements" },
  "requestParameters.enable": jsonText("RequestParameters", "enable"),
  "requestParameters.attribute": jsonText("RequestParameters", "attribute"),
  "requestParameters.layers": jsonText("RequestParameters", "layers"),
  "responseElements.ConsoleLogin": jsonText("ResponseElements", "ConsoleLogin"),
  "responseElements.publiclyAccessible": jsonText("ResponseElements", "publiclyAccessible"),
  "responseElements.pendingModifiedValues.masterUserPassword": jsonText("ResponseElements", "pendingModifiedValues.masterUserPassword"),
  "additionalEventData.MFAUsed": jsonText("AdditionalEventData", "MFAUsed"),
  "requestParameters.containerDefinitions.command": {
    unsupported: "containerDefinitions is a list in CloudTrail; a property path cannot test every element",
  },
  src_ip: { unsupported: "`src_ip` is not a CloudTrail field (CloudTrail names it sourceIPAddress)" },
  src_country: { unsupported: "CloudTrail records no source country" },
  status: { unsupported: "CloudTrail has no `status` field" },
};

const ACTIVITY_FIELDS: Record<string, FieldMapping> = {
  operationName: { column: "OperationNameValue" },
  "properties.message": { unsupported: "AzureActivity has no `properties.message` column" },
};

const SIGNIN_FIELDS: Record<string, FieldMapping> = {
  ResultType: { column: "ResultType" },
  ResultDescription: { column: "ResultDescription" },
  AuthenticationRequirement: { column: "AuthenticationRequirement" },
  location: { column: "Location" },
  userAgent: { column: "UserAgent" },
  conditionalAccessStatus: { column: "ConditionalAccessStatus" },
  homeTenantId: { column: "HomeTenantId" },
  resourceTenantId: { column: "ResourceTenantId" },
  ResourceDisplayName: { column: "ResourceDisplayName" },
  RiskState: { column: "RiskState" },
  NetworkLocationDetails: { column: "NetworkLocationDetails" },
  ClientApp: { column: "ClientAppUsed" },
  "DeviceDetail.trusttype": prop("DeviceDetail", "trustType"),
  "DeviceDetail.deviceId": prop("DeviceDetail", "deviceId"),
  "DeviceDetail.isCompliant": prop("DeviceDetail", "isCompliant"),
  "properties.deviceDetail.deviceId": prop("DeviceDetail", "deviceId"),
  "properties.appId": { column: "AppId" },
  "properties.authenticationRequirement": { column: "AuthenticationRequirement" },
  "properties.message": { unsupported: "SigninLogs has no `properties.message` column" },
  Status: { column: "ResultType", transform: "signin-status" },
  Username: { unsupported: "SigninLogs has no `Username` column (UserPrincipalName differs in form)" },
};

const AUDIT_FIELDS: Record<string, FieldMapping> = {
  OperationName: { column: "OperationName" },
  ActivityDisplayName: { column: "ActivityDisplayName" },
  Category: { column: "Category" },
  LoggedByService: { column: "LoggedByService" },
  TargetResources: { column: "TargetResources" },
  "properties.message": { unsupported: "AuditLogs has no `properties.message` column (use OperationName)" },
};

const OFFICE_FIELDS: Record<string, FieldMapping> = {
  Operation: { column: "Operation" },
  Workload: { column: "OfficeWorkload" },
};

const GCP_FIELDS: Record<string, FieldMapping> = {
  "gcp.audit.method_name": { column: "MethodName" },
  "data.protoPayload.methodName": { column: "MethodName" },
  "data.protoPayload.serviceName": { column: "ServiceName" },
  "data.protoPayload.logName": { column: "LogName" },
  "data.protoPayload.resource.type": { column: "GCPResourceType" },
};

const AKS_FIELDS: Record<string, FieldMapping> = {
  verb: { column: "Verb" },
  requestURI: { column: "RequestUri" },
  userAgent: { column: "UserAgent" },
  "objectRef.resource": prop("ObjectRef", "resource"),
  "objectRef.subresource": prop("ObjectRef", "subresource"),
  "objectRef.namespace": prop("ObjectRef", "namespace"),
  "objectRef.apiGroup": prop("ObjectRef", "apiGroup"),
  // Sigma's Kubernetes taxonomy names the API group of the object `apiGroup`; an audit event has it only there.
  apiGroup: prop("ObjectRef", "apiGroup"),
  hostPath: { unsupported: "a pod's hostPath volumes are a list inside RequestObject; a property path cannot test every element" },
  capabilities: { unsupported: "container capabilities are lists inside RequestObject; a property path cannot test every element" },
  "responseStatus.code": prop("ResponseStatus", "code", "number"),
};

const ENTRA = ["Microsoft Entra ID"];

/** Cloud routes in the order the pipeline tries them. */
export const CLOUD_ROUTES: TableRoute[] = [
  { id: "azure-monitor/aws/cloudtrail", when: { product: "aws", service: "cloudtrail" }, table: "AWSCloudTrail", fields: AWS_FIELDS,
    connectors: ["Amazon Web Services"], note: "AWS CloudTrail events; JSON sub-objects are dynamic columns." },
  { id: "azure-monitor/azure/activitylogs", when: { product: "azure", service: "activitylogs" }, table: "AzureActivity", fields: ACTIVITY_FIELDS,
    // The plain-text columns of an activity record; Properties/Authorization are JSON text, whose escaping a
    // keyword would have to match, so they are left out.
    keywordColumns: ["OperationNameValue", "OperationName", "ResourceProviderValue", "ResourceId", "Caller", "CallerIpAddress", "ActivityStatusValue"],
    connectors: ["Azure Activity"], note: "Azure Activity log; Sigma's operationName is the operation id (OperationNameValue)." },
  { id: "azure-monitor/azure/signinlogs", when: { product: "azure", service: "signinlogs" }, table: "SigninLogs", fields: SIGNIN_FIELDS,
    connectors: ENTRA, note: "Interactive Microsoft Entra ID sign-ins." },
  { id: "azure-monitor/azure/auditlogs", when: { product: "azure", service: "auditlogs" }, table: "AuditLogs", fields: AUDIT_FIELDS,
    connectors: ENTRA, note: "Microsoft Entra ID audit log." },
  { id: "azure-monitor/azure/riskdetection", when: { product: "azure", service: "riskdetection" }, table: "AADUserRiskEvents",
    fields: { riskEventType: { column: "RiskEventType" } }, connectors: ENTRA, note: "Microsoft Entra ID Protection risk detections." },
  { id: "azure-monitor/m365/audit", when: { product: "m365", service: "audit" }, table: "OfficeActivity", fields: OFFICE_FIELDS,
    connectors: ["Microsoft 365 (formerly, Office 365)"], note: "Microsoft 365 unified audit log (Exchange, SharePoint, Teams)." },
  { id: "azure-monitor/gcp/audit", when: { product: "gcp", service: "gcp.audit" }, table: "GCPAuditLogs", fields: GCP_FIELDS,
    connectors: ["Google Cloud Platform Audit Logs"], note: "Google Cloud audit logs." },
  { id: "azure-monitor/kubernetes/audit", when: { product: "kubernetes", service: "audit" }, table: "AKSAudit", fields: AKS_FIELDS,
    connectors: ["Azure Kubernetes Service (AKS)"], note: "Kubernetes API audit events of AKS clusters (resource-specific AKSAudit table)." },
];
