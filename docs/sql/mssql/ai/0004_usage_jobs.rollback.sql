-- ai.0004_usage_jobs (plan item 033): SQL Server rollback DDL
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
-- Undo: Create constraint CK_AiUsageRecords_Status on model aiusagerecord
ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_Status];
GO
-- Undo: Create constraint CK_AiUsageRecords_AiProvider on model aiusagerecord
ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_AiProvider];
GO
-- Undo: Create constraint CK_AiModelPrices_AiProvider on model aimodelprice
ALTER TABLE [AiModelPrices] DROP CONSTRAINT [CK_AiModelPrices_AiProvider];
GO
-- Undo: Alter field status on aiusagerecord
-- Undo: Alter field ai_provider on aiusagerecord
-- Undo: Alter field ai_provider on aimodelprice
-- Undo: Remove constraint CK_AiUsageRecords_Status from model aiusagerecord
ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_Status] CHECK ([Status] IN ('Success', 'Error', 'RateLimited', 'Blocked', 'QuotaExceeded'));
GO
-- Undo: Remove constraint CK_AiUsageRecords_AiProvider from model aiusagerecord
ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_AiProvider] CHECK ([AiProvider] IN ('OpenAI', 'AzureOpenAI', 'Anthropic'));
GO
-- Undo: Remove constraint CK_AiModelPrices_AiProvider from model aimodelprice
ALTER TABLE [AiModelPrices] ADD CONSTRAINT [CK_AiModelPrices_AiProvider] CHECK ([AiProvider] IN ('OpenAI', 'AzureOpenAI', 'Anthropic'));
GO
COMMIT TRANSACTION;
GO
