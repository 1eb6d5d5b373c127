// App Service Authentication (Easy Auth) on the Function App. Approvers are named by the
// x-ms-client-principal-name header; with the platform module on, only Easy Auth sets that header
// (a caller cannot), so approvals cannot be spoofed. Keys still guard the routes: unauthenticated
// callers are let through, and a request carrying a valid Entra token gets the caller's identity.
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
