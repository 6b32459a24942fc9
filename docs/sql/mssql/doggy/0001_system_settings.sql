-- doggy.0001_system_settings (plan item 004): SQL Server DDL
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
-- Create model SystemSetting
CREATE TABLE [SystemSettings] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [SettingKey] nvarchar(200) NOT NULL, [SettingValue] nvarchar(max) NOT NULL, [DataType] nvarchar(20) NOT NULL, [Category] nvarchar(100) NOT NULL, [Description] nvarchar(500) NULL, [IsUserEditable] bit DEFAULT 0 NOT NULL, [IsEncrypted] bit DEFAULT 0 NOT NULL, [ValidationRule] nvarchar(500) NULL, [UpdatedBy] nvarchar(450) NULL, CONSTRAINT [IX_SystemSettings_Key] UNIQUE ([SettingKey]), CONSTRAINT [CK_SystemSettings_DataType] CHECK ([DataType] IN ('String', 'Integer', 'Boolean', 'JSON', 'Decimal')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_SystemSettings_Category] ON [SystemSettings] ([Category]);
GO
CREATE INDEX [SystemSettings_UpdatedBy_b5a462ad] ON [SystemSettings] ([UpdatedBy]);
GO
ALTER TABLE [SystemSettings] ADD CONSTRAINT [SystemSettings_UpdatedBy_b5a462ad_fk_Users_Id] FOREIGN KEY ([UpdatedBy]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
