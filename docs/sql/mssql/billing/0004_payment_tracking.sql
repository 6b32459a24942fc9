-- billing.0004_payment_tracking (plan item 039): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Create model BillingCustomer
CREATE TABLE [BillingCustomers] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [PaymentProvider] nvarchar(20) NOT NULL, [ProviderCustomerId] nvarchar(100) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL);
GO
-- Create model PaymentRecord
CREATE TABLE [PaymentRecords] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Purpose] nvarchar(14) NOT NULL, [PaymentProvider] nvarchar(20) NOT NULL, [ProviderPaymentId] nvarchar(100) NULL, [ProviderChargeId] nvarchar(100) NOT NULL, [ProviderInvoiceId] nvarchar(100) NOT NULL, [Amount] numeric(12, 2) NOT NULL, [AmountRefunded] numeric(12, 2) DEFAULT 0 NOT NULL, [FeeAmount] numeric(12, 2) NULL, [Currency] nvarchar(3) NOT NULL, [Status] nvarchar(20) DEFAULT 'Pending' NOT NULL, [PaymentMethodBrand] nvarchar(20) NOT NULL, [PaymentMethodLast4] nvarchar(4) NOT NULL, [FailureCode] nvarchar(100) NOT NULL, [FailureMessage] nvarchar(500) NOT NULL, [ReceiptUrl] nvarchar(500) NOT NULL, [PaidAt] datetimeoffset NULL, [LastEventAt] datetimeoffset NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT PaymentRecords_Metadata_c602476b_check CHECK ((ISJSON ("Metadata") = 1)));
GO
-- Create model PaymentRefund
CREATE TABLE [PaymentRefunds] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ProviderRefundId] nvarchar(100) NOT NULL, [Amount] numeric(12, 2) NOT NULL, [Status] nvarchar(10) DEFAULT 'Pending' NOT NULL, [Reason] nvarchar(30) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL);
GO
-- Create model PaymentWebhookEvent
CREATE TABLE [PaymentWebhookEvents] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [PaymentProvider] nvarchar(20) NOT NULL, [EventId] nvarchar(100) NOT NULL, [EventType] nvarchar(100) NOT NULL, [Payload] nvarchar(max) NOT NULL CONSTRAINT PaymentWebhookEvents_Payload_62b3f357_check CHECK ((ISJSON ("Payload") = 1)), [SignatureValid] bit NOT NULL, [ProviderCreatedAt] datetimeoffset NULL, [ReceivedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ProcessedAt] datetimeoffset NULL, [ProcessingStatus] nvarchar(10) DEFAULT 'Pending' NOT NULL, [Attempts] smallint DEFAULT 0 NOT NULL CONSTRAINT PaymentWebhookEvents_Attempts_e9242637_check CHECK ([Attempts] >= 0), [LastError] nvarchar(max) NOT NULL);
GO
-- Remove constraint CK_UserSubscriptions_PaymentProvider from model usersubscription
ALTER TABLE [UserSubscriptions] DROP CONSTRAINT [CK_UserSubscriptions_PaymentProvider];
GO
-- Alter field payment_provider on usersubscription
-- Create constraint CK_UserSubscriptions_PaymentProvider NOT VALID on model usersubscription
ALTER TABLE [UserSubscriptions] WITH NOCHECK ADD CONSTRAINT [CK_UserSubscriptions_PaymentProvider] CHECK ([PaymentProvider] IN ('Stripe', 'AppStore', 'GooglePlay', 'Manual', 'PayPal', 'Square'));
GO
-- Add field user to billingcustomer
ALTER TABLE [BillingCustomers] ADD [UserId] nvarchar(450) NOT NULL;
GO
-- Add field user to paymentrecord
ALTER TABLE [PaymentRecords] ADD [UserId] nvarchar(450) NULL;
GO
-- Add field user_subscription to paymentrecord
ALTER TABLE [PaymentRecords] ADD [UserSubscriptionId] char(32) NULL;
GO
-- Add field payment to paymentrefund
ALTER TABLE [PaymentRefunds] ADD [PaymentId] char(32) NOT NULL;
GO
-- Create index IX_WebhookEvents_Pending on field(s) processing_status, received_at of model paymentwebhookevent
CREATE INDEX [IX_WebhookEvents_Pending] ON [PaymentWebhookEvents] ([ProcessingStatus], [ReceivedAt]) WHERE [ProcessingStatus] IN ('Pending', 'Failed');
GO
-- Create constraint UX_WebhookEvents_Prov_Event on model paymentwebhookevent
ALTER TABLE [PaymentWebhookEvents] ADD CONSTRAINT [UX_WebhookEvents_Prov_Event] UNIQUE ([PaymentProvider], [EventId]);
GO
-- Create constraint CK_PaymentWebhookEvents_PaymentProvider on model paymentwebhookevent
ALTER TABLE [PaymentWebhookEvents] ADD CONSTRAINT [CK_PaymentWebhookEvents_PaymentProvider] CHECK ([PaymentProvider] IN ('Stripe', 'AppStore', 'GooglePlay', 'Manual', 'PayPal', 'Square'));
GO
-- Create constraint CK_PaymentWebhookEvents_ProcessingStatus on model paymentwebhookevent
ALTER TABLE [PaymentWebhookEvents] ADD CONSTRAINT [CK_PaymentWebhookEvents_ProcessingStatus] CHECK ([ProcessingStatus] IN ('Pending', 'Processed', 'Failed', 'Ignored'));
GO
-- Create constraint UX_BillingCust_User_Provider on model billingcustomer
ALTER TABLE [BillingCustomers] ADD CONSTRAINT [UX_BillingCust_User_Provider] UNIQUE ([UserId], [PaymentProvider]);
GO
-- Create constraint UX_BillingCust_Prov_CustId on model billingcustomer
ALTER TABLE [BillingCustomers] ADD CONSTRAINT [UX_BillingCust_Prov_CustId] UNIQUE ([PaymentProvider], [ProviderCustomerId]);
GO
-- Create constraint CK_BillingCustomers_PaymentProvider on model billingcustomer
ALTER TABLE [BillingCustomers] ADD CONSTRAINT [CK_BillingCustomers_PaymentProvider] CHECK ([PaymentProvider] IN ('Stripe', 'AppStore', 'GooglePlay', 'Manual', 'PayPal', 'Square'));
GO
-- Create index IX_Payments_User_Created on field(s) user, -created_at of model paymentrecord
CREATE INDEX [IX_Payments_User_Created] ON [PaymentRecords] ([UserId], [CreatedAt] DESC);
GO
-- Create constraint UX_Payments_Prov_PaymentId on model paymentrecord
CREATE UNIQUE INDEX [UX_Payments_Prov_PaymentId] ON [PaymentRecords] ([PaymentProvider], [ProviderPaymentId]) WHERE [ProviderPaymentId] IS NOT NULL;
GO
-- Create constraint CK_Payments_Amounts on model paymentrecord
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_Payments_Amounts] CHECK (([Amount] >= 0 AND [AmountRefunded] >= 0 AND [AmountRefunded] <= ([Amount])));
GO
-- Create constraint CK_Payments_Fee on model paymentrecord
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_Payments_Fee] CHECK (([FeeAmount] IS NULL OR [FeeAmount] >= 0));
GO
-- Create constraint CK_PaymentRecords_Purpose on model paymentrecord
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_PaymentRecords_Purpose] CHECK ([Purpose] IN ('Appointment', 'Subscription', 'Deposit', 'Tip', 'Other'));
GO
-- Create constraint CK_PaymentRecords_Status on model paymentrecord
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_PaymentRecords_Status] CHECK ([Status] IN ('Pending', 'RequiresAction', 'Processing', 'Succeeded', 'Failed', 'Canceled', 'Refunded', 'PartiallyRefunded', 'Disputed'));
GO
-- Create constraint CK_PaymentRecords_PaymentProvider on model paymentrecord
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_PaymentRecords_PaymentProvider] CHECK ([PaymentProvider] IN ('Stripe', 'AppStore', 'GooglePlay', 'Manual', 'PayPal', 'Square'));
GO
-- Create constraint UX_Refunds_ProviderRefundId on model paymentrefund
ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [UX_Refunds_ProviderRefundId] UNIQUE ([ProviderRefundId]);
GO
-- Create constraint CK_Refunds_Amount on model paymentrefund
ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [CK_Refunds_Amount] CHECK ([Amount] > 0);
GO
-- Create constraint CK_PaymentRefunds_Status on model paymentrefund
ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [CK_PaymentRefunds_Status] CHECK ([Status] IN ('Pending', 'Succeeded', 'Failed', 'Canceled'));
GO
-- Create constraint CK_PaymentRefunds_Reason on model paymentrefund
ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [CK_PaymentRefunds_Reason] CHECK ([Reason] IN ('', 'duplicate', 'fraudulent', 'requested_by_customer', 'cancellation_policy'));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [PaymentRecords_UserSubscriptionId_c6d9a4fd] ON [PaymentRecords] ([UserSubscriptionId]);
GO
CREATE INDEX [PaymentRefunds_PaymentId_5f4f0aea] ON [PaymentRefunds] ([PaymentId]);
GO
ALTER TABLE [BillingCustomers] ADD CONSTRAINT [BillingCustomers_UserId_0415b7ac_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [PaymentRecords_UserId_497f4bb4_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [PaymentRecords_UserSubscriptionId_c6d9a4fd_fk_UserSubscriptions_Id] FOREIGN KEY ([UserSubscriptionId]) REFERENCES [UserSubscriptions] ([Id]);
GO
ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [PaymentRefunds_PaymentId_5f4f0aea_fk_PaymentRecords_Id] FOREIGN KEY ([PaymentId]) REFERENCES [PaymentRecords] ([Id]);
GO
COMMIT TRANSACTION;
GO
