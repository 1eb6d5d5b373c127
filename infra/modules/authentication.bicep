// App Service Authentication (Easy Auth) on the Function App. Callers are named by the
// x-ms-client-principal-name header and get their Entra app roles (Reader, Author, Operator, Approver,
// Admin; infra/entra/app-roles.json) from x-ms-client-principal; with the platform module on, only Easy
// Auth sets those headers (a caller cannot), and App Service sets WEBSITE_AUTH_ENABLED=True, which is
// when the app counts a principal's roles. Keys still guard the routes: unauthenticated callers are let
// through with their key's roles, and a request carrying a valid Entra token adds the caller's.
param appName string

@description('Client id of the Entra app registration whose tokens identify approvers; empty turns identification off (approvals are then refused).')
param entraClientId string

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: empty(entraClientId) ? {} : {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [entraClientId, 'api://${entraClientId}']
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
  }
}
