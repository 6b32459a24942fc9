-- billing.0004_payment_tracking (plan item 039): SQL Server rollback DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
-- Reverses this migration on a database at its end (every later one reversed).
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
-- Undo: Create constraint CK_PaymentRefunds_Reason on model paymentrefund
ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [CK_PaymentRefunds_Reason];
GO
-- Undo: Create constraint CK_PaymentRefunds_Status on model paymentrefund
ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [CK_PaymentRefunds_Status];
GO
-- Undo: Create constraint CK_Refunds_Amount on model paymentrefund
ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [CK_Refunds_Amount];
GO
-- Undo: Create constraint UX_Refunds_ProviderRefundId on model paymentrefund
ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [UX_Refunds_ProviderRefundId];
GO
-- Undo: Create constraint CK_PaymentRecords_PaymentProvider on model paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_PaymentRecords_PaymentProvider];
GO
-- Undo: Create constraint CK_PaymentRecords_Status on model paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_PaymentRecords_Status];
GO
-- Undo: Create constraint CK_PaymentRecords_Purpose on model paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_PaymentRecords_Purpose];
GO
-- Undo: Create constraint CK_Payments_Fee on model paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_Payments_Fee];
GO
-- Undo: Create constraint CK_Payments_Amounts on model paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_Payments_Amounts];
GO
-- Undo: Create constraint UX_Payments_Prov_PaymentId on model paymentrecord
DROP INDEX [UX_Payments_Prov_PaymentId] ON [PaymentRecords];
GO
-- Undo: Create index IX_Payments_User_Created on field(s) user, -created_at of model paymentrecord
DROP INDEX [IX_Payments_User_Created] ON [PaymentRecords];
GO
-- Undo: Create constraint CK_BillingCustomers_PaymentProvider on model billingcustomer
ALTER TABLE [BillingCustomers] DROP CONSTRAINT [CK_BillingCustomers_PaymentProvider];
GO
-- Undo: Create constraint UX_BillingCust_Prov_CustId on model billingcustomer
ALTER TABLE [BillingCustomers] DROP CONSTRAINT [UX_BillingCust_Prov_CustId];
GO
-- Undo: Create constraint UX_BillingCust_User_Provider on model billingcustomer
ALTER TABLE [BillingCustomers] DROP CONSTRAINT [UX_BillingCust_User_Provider];
GO
-- Undo: Create constraint CK_PaymentWebhookEvents_ProcessingStatus on model paymentwebhookevent
ALTER TABLE [PaymentWebhookEvents] DROP CONSTRAINT [CK_PaymentWebhookEvents_ProcessingStatus];
GO
-- Undo: Create constraint CK_PaymentWebhookEvents_PaymentProvider on model paymentwebhookevent
ALTER TABLE [PaymentWebhookEvents] DROP CONSTRAINT [CK_PaymentWebhookEvents_PaymentProvider];
GO
-- Undo: Create constraint UX_WebhookEvents_Prov_Event on model paymentwebhookevent
ALTER TABLE [PaymentWebhookEvents] DROP CONSTRAINT [UX_WebhookEvents_Prov_Event];
GO
-- Undo: Create index IX_WebhookEvents_Pending on field(s) processing_status, received_at of model paymentwebhookevent
DROP INDEX [IX_WebhookEvents_Pending] ON [PaymentWebhookEvents];
GO
-- Undo: Add field payment to paymentrefund
ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [PaymentRefunds_PaymentId_5f4f0aea_fk_PaymentRecords_Id];
GO
DROP INDEX [PaymentRefunds_PaymentId_5f4f0aea] ON [PaymentRefunds];
GO
ALTER TABLE [PaymentRefunds] DROP COLUMN [PaymentId];
GO
-- Undo: Add field user_subscription to paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [PaymentRecords_UserSubscriptionId_c6d9a4fd_fk_UserSubscriptions_Id];
GO
DROP INDEX [PaymentRecords_UserSubscriptionId_c6d9a4fd] ON [PaymentRecords];
GO
ALTER TABLE [PaymentRecords] DROP COLUMN [UserSubscriptionId];
GO
-- Undo: Add field user to paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [PaymentRecords_UserId_497f4bb4_fk_Users_Id];
GO
ALTER TABLE [PaymentRecords] DROP COLUMN [UserId];
GO
-- Undo: Add field user to billingcustomer
ALTER TABLE [BillingCustomers] DROP CONSTRAINT [BillingCustomers_UserId_0415b7ac_fk_Users_Id];
GO
ALTER TABLE [BillingCustomers] DROP COLUMN [UserId];
GO
-- Undo: Create constraint CK_UserSubscriptions_PaymentProvider NOT VALID on model usersubscription
ALTER TABLE [UserSubscriptions] DROP CONSTRAINT [CK_UserSubscriptions_PaymentProvider];
GO
-- Undo: Alter field payment_provider on usersubscription
-- Undo: Remove constraint CK_UserSubscriptions_PaymentProvider from model usersubscription
ALTER TABLE [UserSubscriptions] ADD CONSTRAINT [CK_UserSubscriptions_PaymentProvider] CHECK ([PaymentProvider] IN ('Stripe', 'AppStore', 'GooglePlay', 'Manual'));
GO
-- Undo: Create model PaymentWebhookEvent
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentWebhookEvents]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentWebhookEvents]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentWebhookEvents]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PaymentWebhookEvents];
GO
-- Undo: Create model PaymentRefund
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentRefunds]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentRefunds]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentRefunds]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PaymentRefunds];
GO
-- Undo: Create model PaymentRecord
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentRecords]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentRecords]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PaymentRecords]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PaymentRecords];
GO
-- Undo: Create model BillingCustomer
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[BillingCustomers]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[BillingCustomers]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[BillingCustomers]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [BillingCustomers];
GO
COMMIT TRANSACTION;
GO
