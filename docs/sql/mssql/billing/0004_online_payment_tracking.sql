-- billing.0004_online_payment_tracking (plan item 039): SQL Server DDL
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
-- Validate constraint CK_UserSubscriptions_PaymentProvider on model usersubscription
ALTER TABLE [UserSubscriptions] WITH CHECK CHECK CONSTRAINT [CK_UserSubscriptions_PaymentProvider];
GO
