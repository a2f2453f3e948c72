/**
 * Windows event channels as Sigma names them (`logsource.service`), and the EventData names Sigma's Windows
 * channel rules use. In WindowsEvent, EventData is a dynamic object keyed by each event's `<Data Name="…">`, and
 * Sigma's Windows field names are those same names, so `Field` is `EventData.Field` on every channel.
 */

/** Sigma `service` → Windows channel name(s) (SigmaHQ's Windows logsource mapping). */
export const WINDOWS_SERVICE_CHANNELS: Record<string, string[]> = {
  security: ["Security"],
  system: ["System"],
  application: ["Application"],
  sysmon: ["Microsoft-Windows-Sysmon/Operational"],
  powershell: ["Microsoft-Windows-PowerShell/Operational", "PowerShellCore/Operational"],
  "powershell-classic": ["Windows PowerShell"],
  taskscheduler: ["Microsoft-Windows-TaskScheduler/Operational"],
  wmi: ["Microsoft-Windows-WMI-Activity/Operational"],
  "dns-server": ["DNS Server"],
  "dns-server-audit": ["Microsoft-Windows-DNS-Server/Audit"],
  "dns-server-analytic": ["Microsoft-Windows-DNS-Server/Analytical"],
  "dns-client": ["Microsoft-Windows-DNS Client Events/Operational"],
  "driver-framework": ["Microsoft-Windows-DriverFrameworks-UserMode/Operational"],
  ntlm: ["Microsoft-Windows-NTLM/Operational"],
  dhcp: ["Microsoft-Windows-DHCP-Server/Operational"],
  "msexchange-management": ["MSExchange Management"],
  applocker: [
    "Microsoft-Windows-AppLocker/MSI and Script",
    "Microsoft-Windows-AppLocker/EXE and DLL",
    "Microsoft-Windows-AppLocker/Packaged app-Deployment",
    "Microsoft-Windows-AppLocker/Packaged app-Execution",
  ],
  "printservice-admin": ["Microsoft-Windows-PrintService/Admin"],
  "printservice-operational": ["Microsoft-Windows-PrintService/Operational"],
  "codeintegrity-operational": ["Microsoft-Windows-CodeIntegrity/Operational"],
  "smbclient-security": ["Microsoft-Windows-SmbClient/Security"],
  "smbclient-connectivity": ["Microsoft-Windows-SmbClient/Connectivity"],
  "smbserver-connectivity": ["Microsoft-Windows-SMBServer/Connectivity"],
  "firewall-as": ["Microsoft-Windows-Windows Firewall With Advanced Security/Firewall"],
  "bits-client": ["Microsoft-Windows-Bits-Client/Operational"],
  windefend: ["Microsoft-Windows-Windows Defender/Operational"],
  "terminalservices-localsessionmanager": ["Microsoft-Windows-TerminalServices-LocalSessionManager/Operational"],
  "microsoft-servicebus-client": ["Microsoft-ServiceBus-Client"],
  ldap: ["Microsoft-Windows-LDAP-Client/Debug"],
  ldap_debug: ["Microsoft-Windows-LDAP-Client/Debug"],
  "security-mitigations": [
    "Microsoft-Windows-Security-Mitigations/Kernel Mode",
    "Microsoft-Windows-Security-Mitigations/User Mode",
  ],
  "diagnosis-scripted": ["Microsoft-Windows-Diagnosis-Scripted/Operational"],
  "shell-core": ["Microsoft-Windows-Shell-Core/Operational"],
  openssh: ["OpenSSH/Operational"],
  bitlocker: ["Microsoft-Windows-BitLocker/BitLocker Management"],
  vhdmp: ["Microsoft-Windows-VHDMP/Operational"],
  "appxdeployment-server": ["Microsoft-Windows-AppXDeploymentServer/Operational"],
  "lsa-server": ["Microsoft-Windows-LSA/Operational"],
  "appxpackaging-om": ["Microsoft-Windows-AppxPackaging/Operational"],
  "appmodel-runtime": ["Microsoft-Windows-AppModel-Runtime/Admin"],
  capi2: ["Microsoft-Windows-CAPI2/Operational"],
  "certificateservicesclient-lifecycle-system": ["Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational"],
  "iis-configuration": ["Microsoft-IIS-Configuration/Operational"],
};

/**
 * EventData names used by SigmaHQ's Windows channel rules (security, system, application, Defender, AppX,
 * BITS, firewall, …). A name absent from an event simply never matches, as in the event log itself.
 */
export const WINDOWS_EVENT_DATA_NAMES: string[] = [
  "AccessList", "AccessMask", "AccountName", "Action", "AdditionalInfo", "Address", "AllowedToDelegateTo", "AppID",
  "Application", "ApplicationPath", "AppName", "AppVersion", "AttributeLDAPDisplayName", "Attributes", "AttributeValue",
  "AuditPolicyChanges", "AuditSourceName", "AuthenticationPackageName", "Binary", "CallerProcessName", "CallingProcess",
  "Caption", "CertThumbprint", "ClassName", "ClientAddress", "ClientProcessId", "ComputerName", "Configuration",
  "Description", "DestAddress", "DestPort", "DeviceDescription", "DeviceName", "DistinguishedName", "EncyptionUsed",
  "ErrorCode", "ExceptionCode", "Feature_Name", "FileName", "FileNameBuffer", "FilterName", "FilterOrigin", "Flags",
  "HasFullTrust", "HiveName", "ImageName", "ImagePath", "ImpersonationLevel", "IpAddress", "IpPort", "IsatapRouter",
  "KeyLength", "LayerRTID", "LocalName", "LogonProcessName", "LogonType", "ModifyingApplication", "ModuleName", "Name",
  "NewTargetUserName", "NewTemplateContent", "NewUacValue", "NewValue", "ObjectClass", "ObjectDN", "ObjectName",
  "ObjectServer", "ObjectType", "ObjectValueName", "OldTargetUserName", "OldUacValue", "OldValue", "Operation", "Origin",
  "PackageFullName", "PackagePath", "PackageSourceUri", "param1", "param2", "param3", "ParentProcessId",
  "PasswordLastSet", "Path", "payload", "PossibleCause", "PreAuthType", "PrivilegeList", "process", "ProcessId",
  "ProcessName", "ProcessNameBuffer", "ProcessPath", "processPath", "Properties", "ProviderContextName", "QNAME", "Query",
  "QueryName", "Reason", "RelativeTargetName", "RemoteAddress", "RemoteName", "RequestedPolicy", "SamAccountName",
  "SearchFilter", "ServerAddress", "ServerName", "Service", "ServiceFileName", "ServiceName", "ServicePrincipalNames",
  "ServiceStartType", "ServiceType", "ShareLocalPath", "ShareName", "SidHistory", "SidList", "SigningUsed",
  "SourceAddress", "SourceName", "SourcePort", "Status", "SubcategoryGuid", "SubjectAccountName", "SubjectDomainName",
  "SubjectLogonId", "subjectName", "SubjectUserName", "SubjectUserSid", "SubStatus", "TargetInfo", "TargetLogonId",
  "TargetName", "TargetOutboundUserName", "TargetServerName", "TargetSid", "TargetUserName", "TargetUserSid",
  "TaskContent", "TaskContentNew", "TaskName", "TemplateContent", "ThreatName", "TicketEncryptionType", "TicketOptions",
  "User", "UserName", "Value", "Workstation", "WorkstationName",
];

/** Sigma's classic PowerShell categories: each is one event id of the "Windows PowerShell" channel. */
export const POWERSHELL_CLASSIC_EVENTS: [category: string, eventId: number][] = [
  ["ps_classic_start", 400],
  ["ps_classic_provider_start", 600],
  ["ps_classic_script", 800],
];
