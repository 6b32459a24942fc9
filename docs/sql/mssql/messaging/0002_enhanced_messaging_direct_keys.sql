-- messaging.0002_enhanced_messaging_direct_keys (plan item 017): SQL Server DDL
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
-- Create constraint CK_Conversations_Direct NOT VALID on model conversation
ALTER TABLE [Conversations] WITH NOCHECK ADD CONSTRAINT [CK_Conversations_Direct] CHECK (([Type] IN ('Group', 'Booking', 'Support') OR [DirectKey] IS NOT NULL));
GO
COMMIT TRANSACTION;
GO
