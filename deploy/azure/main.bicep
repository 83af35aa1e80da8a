// ArtBot on Azure: the bot as a Container App (image from your registry, one or more instances), Azure Database for
// PostgreSQL for everything it keeps, secrets in Key Vault, and the Azure Bot resource with the Direct Line and
// Microsoft Teams channels.
// Deploy: az deployment group create -g <resource-group> -f deploy/azure/main.bicep -p deploy/azure/main.parameters.json
// See deploy/README.md for the whole walkthrough.

@description('Short name used for every resource (lowercase letters and digits, starting with a letter: Container Apps and PostgreSQL refuse capitals).')
@minLength(2)
@maxLength(32)
param name string = 'artbot'

param location string = resourceGroup().location

@description('The bot image, e.g. myregistry.azurecr.io/artbot:1.0 (built with deploy/Dockerfile).')
param containerImage string

@description('How the bot signs in. SingleTenant: an Entra app registration in the clinic\'s Microsoft 365 tenant (microsoftAppId and microsoftAppPassword). UserAssignedMSI: the user-assigned identity this template creates, with no app registration and no secret; only when this subscription belongs to the clinic\'s Microsoft 365 tenant.')
@allowed([ 'SingleTenant', 'UserAssignedMSI' ])
param microsoftAppType string = 'SingleTenant'

@description('SingleTenant: the application (client) id of the bot\'s Entra app registration (required). UserAssignedMSI: not used (the identity\'s client id is).')
param microsoftAppId string = ''

@description('The clinic\'s Microsoft 365 tenant (directory id), where the bot\'s Entra app is registered and whose Teams users are staff. Not necessarily this subscription\'s tenant, so it has no default.')
param microsoftAppTenantId string

@secure()
@description('SingleTenant: a client secret of the app registration (required; the deployment fails without it). UserAssignedMSI: not used.')
param microsoftAppPassword string = ''

@secure()
@description('The Direct Line secret. Leave it out of the first deployment (the channel and its key exist only after it), then pass it on every later one (deploy/README.md, step 4). Empty: no Key Vault secret, container app secret or setting for it.')
param directLineSecret string = ''

@description('The clinic\'s site(s) allowed to frame the chat, e.g. https://www.clinic.example')
param widgetAllowedSite string

@description('The clinic\'s facts, as the bot should give them (empty: "I don\'t have that to hand"): Name, PhoneNumber, Hours, Address, BookingUrl, Prices, Insurance, SessionLength. PhoneNumber is required: a live bot refuses to start without it, since safety replies and bookings give it.')
param clinic object

@description('The clinic\'s Microsoft 365 tenant, whose Teams users are staff (usually the bot\'s own tenant).')
param staffTenantId string = microsoftAppTenantId

@description('The staff team\'s id, to limit staff to its members (optional).')
param staffTeamId string = ''

@description('The clinic\'s time zone, an IANA name such as America/Toronto: the daily digest\'s time and the times on staff cards.')
param staffTimeZone string = 'UTC'

@description('F0 (free) or S1.')
param botSku string = 'F0'

@description('How many instances of the bot run behind the Container App\'s load balancer (they share the database).')
@minValue(1)
param instances int = 2

@description('The PostgreSQL administrator. Only the migrations (an init container) connect as it; the bot connects as databaseBotRole.')
param databaseAdministrator string = 'artbot'

@description('The role the serving bot connects as: created by the migrations, with rights on rows only (no table can be dropped, altered or created).')
param databaseBotRole string = 'artbot_bot'

@secure()
@minLength(16)
@description('The password of databaseBotRole (kept in Key Vault inside the bot\'s connection string).')
param databaseBotPassword string

@secure()
@description('The PostgreSQL administrator\'s password (kept in Key Vault inside the connection string).')
param databasePassword string

@secure()
@description('The certificate that encrypts Data Protection\'s keys in the database and keys the hashes of patients\' names and phone numbers kept with their chats: a base64 PFX with an RSA key and no password (deploy/README.md, step 3). Every instance needs the same one; keep it for every later deployment.')
param dataProtectionCertificate string

var uniqueSuffix = uniqueString(resourceGroup().id, name)

var usesManagedIdentity = microsoftAppType == 'UserAssignedMSI'
// The bot's identity as the Bot Framework knows it: the app registration, or the user-assigned identity (whose
// tenant is this subscription's).
var botAppId = usesManagedIdentity ? identity.properties.clientId : microsoftAppId
var botAppTenantId = usesManagedIdentity ? identity.properties.tenantId : microsoftAppTenantId

// The public ingress reaches the bot on 3978. The bot serves /metrics only on this second port, which is open only
// inside the Container Apps environment (an internal additional port), never to the internet.
var metricsPort = 9464

// Container Apps refuses a secret with an empty value, so a secret that was not given is not created at all.
var hasDirectLineSecret = !empty(directLineSecret)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${name}-identity'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: take('${name}kv${uniqueSuffix}', 24)
  location: location
  properties: {
    // The vault serves this subscription's identities, so it is in the subscription's tenant (not necessarily
    // microsoftAppTenantId).
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

// SingleTenant only (with a managed identity the SDK refuses a password). Its value also checks, before anything is
// deployed, that SingleTenant was given both the app id and the client secret.
resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!usesManagedIdentity) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: usesManagedIdentity || (!empty(microsoftAppId) && !empty(microsoftAppPassword))
      ? microsoftAppPassword
      : fail('microsoftAppType SingleTenant needs microsoftAppId and microsoftAppPassword (the app registration\'s client id and a client secret).')
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (hasDirectLineSecret) {
  parent: vault
  name: 'direct-line-secret'
  properties: { value: directLineSecret }
}

// Key Vault Secrets User, for the bot's identity. The container app reads its secrets through it when it is created,
// so it depends on this assignment (principalType set: the identity is new, and the assignment must not wait for it
// to replicate).
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, 'secrets-user')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The database has no public endpoint. It lives in its own delegated subnet of the environment's virtual network and
// is reached by a private DNS name; only the Container Apps environment (the other subnet) is on that network. (A
// firewall rule "allow Azure services" would admit every Azure customer's services.)
resource network 'Microsoft.Network/virtualNetworks@2026-03-01' = {
  name: '${name}-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ '10.40.0.0/16' ] }
    subnets: [
      {
        name: 'apps'
        properties: {
          addressPrefix: '10.40.0.0/23'
          delegations: [ { name: 'apps', properties: { serviceName: 'Microsoft.App/environments' } } ]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [ { name: 'database', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } } ]
        }
      }
    ]
  }
}

resource appsSubnet 'Microsoft.Network/virtualNetworks/subnets@2026-03-01' existing = {
  parent: network
  name: 'apps'
}

resource databaseSubnet 'Microsoft.Network/virtualNetworks/subnets@2026-03-01' existing = {
  parent: network
  name: 'database'
}

resource databaseDns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}.private.postgres.database.azure.com'
  location: 'global'
}

resource databaseDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: databaseDns
  name: '${name}-vnet'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: network.id } }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: take('${name}-pg-${uniqueSuffix}', 63)
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  dependsOn: [ databaseDnsLink ]
  properties: {
    version: '16'
    administratorLogin: databaseAdministrator
    administratorLoginPassword: databasePassword
    storage: { storageSizeGB: 32 }
    network: {
      delegatedSubnetResourceId: databaseSubnet.id
      privateDnsZoneArmResourceId: databaseDns.id
      publicNetworkAccess: 'Disabled'
    }
    // Azure's own daily backups; keep them no longer than the bot's retention (deploy/README.md, step 8).
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource artbotDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: database
  name: 'artbot'
}

resource dataProtectionCertificateValue 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'data-protection-certificate'
  properties: {
    value: !empty(dataProtectionCertificate)
      ? dataProtectionCertificate
      : fail('dataProtectionCertificate is required: a base64 PFX shared by every instance (deploy/README.md, step 3).')
  }
}

// Two connections to the database: the administrator's, given only to the init container that migrates, and the bot's
// role's, which reads and writes rows and nothing more.
resource databaseConnection 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'database-connection-string'
  properties: {
    value: 'Host=${database.properties.fullyQualifiedDomainName};Database=artbot;Username=${databaseAdministrator};Password=${databasePassword};SSL Mode=Require'
  }
}

resource databaseBotConnection 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'database-bot-connection-string'
  properties: {
    value: 'Host=${database.properties.fullyQualifiedDomainName};Database=artbot;Username=${databaseBotRole};Password=${databaseBotPassword};SSL Mode=Require'
  }
}

resource databaseBotPasswordValue 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'database-bot-password'
  properties: { value: databaseBotPassword }
}

resource environment 'Microsoft.App/managedEnvironments@2026-07-01' = {
  name: '${name}-env'
  location: location
  properties: {
    // A workload-profiles environment, so that its subnet can be a small delegated one beside the database's.
    workloadProfiles: [ { name: 'Consumption', workloadProfileType: 'Consumption' } ]
    vnetConfiguration: { infrastructureSubnetId: appsSubnet.id, internal: false }
  }
}

resource bot 'Microsoft.App/containerApps@2026-07-01' = {
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [ secretsUser, artbotDatabase ]
  properties: {
    managedEnvironmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      ingress: {
        external: true
        targetPort: 3978
        transport: 'auto'
        additionalPortMappings: [ { external: false, targetPort: metricsPort } ]
      }
      secrets: [
        ...(usesManagedIdentity ? [] : [ { name: 'microsoft-app-password', keyVaultUrl: appPasswordSecret!.properties.secretUri, identity: identity.id } ])
        ...(hasDirectLineSecret ? [ { name: 'direct-line-secret', keyVaultUrl: directLineSecretValue!.properties.secretUri, identity: identity.id } ] : [])
        { name: 'database-connection-string', keyVaultUrl: databaseConnection.properties.secretUri, identity: identity.id }
        { name: 'database-bot-connection-string', keyVaultUrl: databaseBotConnection.properties.secretUri, identity: identity.id }
        { name: 'database-bot-password', keyVaultUrl: databaseBotPasswordValue.properties.secretUri, identity: identity.id }
        { name: 'data-protection-certificate', keyVaultUrl: dataProtectionCertificateValue.properties.secretUri, identity: identity.id }
      ]
    }
    template: {
      // Every instance reads and writes the one PostgreSQL database (deploy/README.md, "One instance or several").
      scale: { minReplicas: instances, maxReplicas: instances }
      // Before the bot starts on each replica: the migrations, as the administrator, which also grant the bot's role
      // the tables (replicas starting together take turns). The bot itself never holds the administrator's password.
      initContainers: [
        {
          name: 'migrate'
          image: containerImage
          args: [ 'migrate' ]
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: [
            { name: 'Database__Provider', value: 'PostgreSQL' }
            { name: 'ConnectionStrings__ArtBot', secretRef: 'database-connection-string' }
            { name: 'Database__BotRole', value: databaseBotRole }
            { name: 'Database__BotRolePassword', secretRef: 'database-bot-password' }
            { name: 'DataProtection__Certificate', secretRef: 'data-protection-certificate' }
          ]
        }
      ]
      containers: [
        {
          name: 'artbot'
          image: containerImage
          resources: { cpu: json('1.0'), memory: '2Gi' }
          env: [
            { name: 'Database__Provider', value: 'PostgreSQL' }
            { name: 'ConnectionStrings__ArtBot', secretRef: 'database-bot-connection-string' }
            { name: 'Database__MigrateAtStartup', value: 'false' }
            { name: 'DataProtection__Certificate', secretRef: 'data-protection-certificate' }
            { name: 'MicrosoftAppType', value: microsoftAppType }
            { name: 'MicrosoftAppId', value: botAppId }
            { name: 'MicrosoftAppTenantId', value: botAppTenantId }
            ...(usesManagedIdentity ? [] : [ { name: 'MicrosoftAppPassword', secretRef: 'microsoft-app-password' } ])
            ...(hasDirectLineSecret ? [ { name: 'DirectLine__Secret', secretRef: 'direct-line-secret' } ] : [])
            { name: 'Widget__AllowedSites__0', value: widgetAllowedSite }
            { name: 'Staff__TenantId', value: staffTenantId }
            { name: 'Staff__TeamId', value: staffTeamId }
            { name: 'Staff__TimeZone', value: staffTimeZone }
            { name: 'Metrics__Port', value: string(metricsPort) }
            // Every request reaches the app through Container Apps' ingress, which appends the client's address to
            // X-Forwarded-For; the bot reads only that last entry, so believing any peer cannot be forged past it.
            { name: 'Proxies__TrustedNetworks__0', value: '0.0.0.0/0' }
            { name: 'Proxies__TrustedNetworks__1', value: '::/0' }
            // Host filtering for the public host name. The platform's probes (below) send the replica's own address
            // as Host (e.g. 10.244.1.17:3978); the bot answers /healthz and /readyz whatever the host.
            { name: 'AllowedHosts', value: '${name}.${environment.properties.defaultDomain}' }
            { name: 'Clinic__Name', value: clinic.Name }
            { name: 'Clinic__PhoneNumber', value: clinic.PhoneNumber }
            { name: 'Clinic__Hours', value: clinic.Hours }
            { name: 'Clinic__Address', value: clinic.Address }
            { name: 'Clinic__BookingUrl', value: clinic.BookingUrl }
            { name: 'Clinic__Prices', value: clinic.Prices }
            { name: 'Clinic__Insurance', value: clinic.Insurance }
            { name: 'Clinic__SessionLength', value: clinic.SessionLength }
          ]
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: 3978 }, initialDelaySeconds: 10 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 3978 }, initialDelaySeconds: 5 }
          ]
        }
      ]
    }
  }
}

resource azureBot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${uniqueSuffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'ArtBot'
    endpoint: 'https://${bot.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: botAppId
    msaAppType: microsoftAppType
    msaAppTenantId: botAppTenantId
    msaAppMSIResourceId: usesManagedIdentity ? identity.id : null
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: azureBot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [ { siteName: 'Clinic website', isEnabled: true, isV1Enabled: false, isV3Enabled: true, isSecureSiteEnabled: false } ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: azureBot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output botUrl string = 'https://${bot.properties.configuration.ingress.fqdn}'
output messagingEndpoint string = azureBot.properties.endpoint
output keyVaultName string = vault.name
@description('Where a Prometheus scraper inside the Container Apps environment reads the metrics (plain HTTP, not reachable from outside).')
output metricsEndpoint string = 'http://${bot.name}:${metricsPort}/metrics'
