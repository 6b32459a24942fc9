-- messaging.0002_online_enhanced_messaging_direct_keys (plan item 017): SQL Server DDL
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
-- Create unique constraint UX_Conversations_DirectKey online on model conversation
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE UNIQUE INDEX [UX_Conversations_DirectKey] ON [Conversations] ([DirectKey]) WHERE [DirectKey] IS NOT NULL WITH (ONLINE = ON)
ELSE
    CREATE UNIQUE INDEX [UX_Conversations_DirectKey] ON [Conversations] ([DirectKey]) WHERE [DirectKey] IS NOT NULL;
GO
-- Validate constraint CK_Conversations_Direct on model conversation
ALTER TABLE [Conversations] WITH CHECK CHECK CONSTRAINT [CK_Conversations_Direct];
GO
