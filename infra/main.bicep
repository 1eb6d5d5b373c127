// The whole deployment: one resource group holding a Flex Consumption Function App (.NET isolated),
// its storage account (managed identity only, no shared keys), Application Insights on Log Analytics,
// and the role assignments the app's identity needs. `azd up` deploys it with main.parameters.json.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; names and tags of every resource derive from it.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Object id of a developer (user) to grant the same data roles as the app, so a laptop can run against the cloud storage; empty for none.')
param principalId string = ''

@description('What principalId is: a user on a laptop, a service principal in CI.')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@description('Durable task hub name (host.json reads it as %TaskHubName%). Letters and digits, 3-45 characters.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'serverless'

@description('Six-field NCRONTAB (seconds first) of the schedule tick timer.')
param scheduleTickCron string = '*/5 * * * * *'

@description('Six-field NCRONTAB (seconds first) of the retention sweep timer.')
param retentionSweepCron string = '0 0 * * * *'

@description('Days finished instances are kept when their workflow sets no retention.')
@minValue(1)
param retentionDays int = 30

@description('Days audit rows are kept.')
@minValue(1)
param auditRetentionDays int = 365

@description('Client id of the Entra app registration whose tokens name callers (Easy Auth); its app roles (scripts/set-entra-app-roles.sh) grant the product roles. Empty: only keys are recognised and approvals are refused.')
param approverClientId string = ''

@description('Roles of a caller that presents a function key and no signed-in principal (comma-separated: reader, author, operator, approver, admin; empty for none). docs/security.md')
param functionKeyRoles string = 'reader'

@description('.NET version of the isolated worker on Flex Consumption.')
param dotnetVersion string = '10.0'

@description('Upper bound of Flex Consumption instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    location: location
    tags: tags
    workspaceName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    location: location
    tags: tags
    accountName: 'st${token}'
    identityName: 'id-${token}'
    deploymentContainerName: 'app-package'
    developerPrincipalId: principalId
    developerPrincipalType: principalType
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: group
  params: {
    location: location
    tags: tags
    planName: 'plan-${token}'
    appName: 'func-${token}'
    storageAccountName: storage.outputs.accountName
    deploymentContainerName: storage.outputs.deploymentContainerName
    identityName: storage.outputs.identityName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    dotnetVersion: dotnetVersion
    maximumInstanceCount: maximumInstanceCount
    appSettings: {
      TaskHubName: taskHubName
      ScheduleTickCron: scheduleTickCron
      RetentionSweepCron: retentionSweepCron
      // TimeSpan text (days.hh:mm:ss), as the local host reads the same settings.
      DefaultRetention: '${retentionDays}.00:00:00'
      AuditRetention: '${auditRetentionDays}.00:00:00'
      // What a plain function key may do; signed-in callers get their Entra app roles on top (docs/security.md).
      FunctionKeyRoles: functionKeyRoles
    }
  }
}

module authentication 'modules/authentication.bicep' = {
  name: 'authentication'
  scope: group
  params: {
    appName: functionApp.outputs.appName
    entraClientId: approverClientId
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.appName
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.defaultUrl
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.accountName
output AZURE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output TASKHUB_NAME string = taskHubName
output SCHEDULE_TICK_CRON string = scheduleTickCron
output RETENTION_SWEEP_CRON string = retentionSweepCron
output RETENTION_DAYS int = retentionDays
output AUDIT_RETENTION_DAYS int = auditRetentionDays
