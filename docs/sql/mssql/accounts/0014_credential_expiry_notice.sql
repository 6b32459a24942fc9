-- accounts.0014_credential_expiry_notice (plan item 038): SQL Server DDL
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
-- Add field expiry_notice_sent_at to providercredential
ALTER TABLE [ProviderCredentials] ADD [ExpiryNoticeSentAt] datetimeoffset NULL;
GO
COMMIT TRANSACTION;
GO
