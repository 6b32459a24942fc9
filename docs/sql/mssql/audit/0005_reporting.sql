-- audit.0005_reporting (plan item 041): SQL Server DDL
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
-- Create model DashboardSnapshot
CREATE TABLE [DashboardSnapshots] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Scope] nvarchar(15) NOT NULL, [ScopeId] nvarchar(64) NOT NULL, [SnapshotDate] date NOT NULL, [Payload] nvarchar(max) NOT NULL CONSTRAINT DashboardSnapshots_Payload_13ff3d36_check CHECK ((ISJSON ("Payload") = 1)), [GeneratedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [UX_DashSnapshots_Key] UNIQUE ([Scope], [ScopeId], [SnapshotDate]), CONSTRAINT [CK_DashSnapshots_Scope] CHECK ([Scope] IN ('Platform', 'Provider', 'Owner')));
GO
-- Create model ReportDefinition
CREATE TABLE [ReportDefinitions] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Key] nvarchar(100) NOT NULL, [Name] nvarchar(200) NOT NULL, [Description] nvarchar(max) NOT NULL, [Audience] nvarchar(15) NOT NULL, [Parameters] nvarchar(max) NOT NULL CONSTRAINT ReportDefinitions_Parameters_e9f7c8eb_check CHECK ((ISJSON ("Parameters") = 1)), [IsActive] bit DEFAULT 1 NOT NULL, [RequiredPermissionId] int NULL);
GO
-- Create model ReportRun
CREATE TABLE [ReportRuns] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Parameters] nvarchar(max) NOT NULL CONSTRAINT ReportRuns_Parameters_470ec95a_check CHECK ((ISJSON ("Parameters") = 1)), [Format] nvarchar(5) DEFAULT 'csv' NOT NULL, [Status] nvarchar(10) DEFAULT 'Queued' NOT NULL, [RowCount] int NULL CONSTRAINT ReportRuns_RowCount_fc423ac4_check CHECK ([RowCount] >= 0), [Error] nvarchar(max) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [StartedAt] datetimeoffset NULL, [FinishedAt] datetimeoffset NULL, [ReportDefinitionId] int NOT NULL, [RequestedById] nvarchar(450) NULL, [ResultFileId] char(32) NULL);
GO
-- Create constraint UX_ReportDefinitions_Key on model reportdefinition
ALTER TABLE [ReportDefinitions] ADD CONSTRAINT [UX_ReportDefinitions_Key] UNIQUE ([Key]);
GO
-- Create constraint CK_ReportDefinitions_Audience on model reportdefinition
ALTER TABLE [ReportDefinitions] ADD CONSTRAINT [CK_ReportDefinitions_Audience] CHECK ([Audience] IN ('Admin', 'ServiceProvider', 'PetOwner'));
GO
-- Create index IX_ReportRuns_User_Created on field(s) requested_by, -created_at of model reportrun
CREATE INDEX [IX_ReportRuns_User_Created] ON [ReportRuns] ([RequestedById], [CreatedAt] DESC);
GO
-- Create index IX_ReportRuns_Status on field(s) status of model reportrun
CREATE INDEX [IX_ReportRuns_Status] ON [ReportRuns] ([Status]) WHERE [Status] IN ('Queued', 'Running');
GO
-- Create index IX_ReportRuns_Created on field(s) -created_at of model reportrun
CREATE INDEX [IX_ReportRuns_Created] ON [ReportRuns] ([CreatedAt] DESC);
GO
-- Create constraint CK_ReportRuns_Format on model reportrun
ALTER TABLE [ReportRuns] ADD CONSTRAINT [CK_ReportRuns_Format] CHECK ([Format] IN ('csv', 'xlsx', 'pdf', 'json'));
GO
-- Create constraint CK_ReportRuns_Status on model reportrun
ALTER TABLE [ReportRuns] ADD CONSTRAINT [CK_ReportRuns_Status] CHECK ([Status] IN ('Queued', 'Running', 'Succeeded', 'Failed', 'Expired'));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [ReportDefinitions_RequiredPermissionId_6bcdd7e6] ON [ReportDefinitions] ([RequiredPermissionId]);
GO
CREATE INDEX [ReportRuns_ReportDefinitionId_3f25d972] ON [ReportRuns] ([ReportDefinitionId]);
GO
CREATE INDEX [ReportRuns_ResultFileId_6db96670] ON [ReportRuns] ([ResultFileId]);
GO
ALTER TABLE [ReportDefinitions] ADD CONSTRAINT [ReportDefinitions_RequiredPermissionId_6bcdd7e6_fk_Permissions_Id] FOREIGN KEY ([RequiredPermissionId]) REFERENCES [Permissions] ([Id]);
GO
ALTER TABLE [ReportRuns] ADD CONSTRAINT [ReportRuns_ReportDefinitionId_3f25d972_fk_ReportDefinitions_Id] FOREIGN KEY ([ReportDefinitionId]) REFERENCES [ReportDefinitions] ([Id]);
GO
ALTER TABLE [ReportRuns] ADD CONSTRAINT [ReportRuns_RequestedById_f96b5a31_fk_Users_Id] FOREIGN KEY ([RequestedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [ReportRuns] ADD CONSTRAINT [ReportRuns_ResultFileId_6db96670_fk_StoredFiles_Id] FOREIGN KEY ([ResultFileId]) REFERENCES [StoredFiles] ([Id]);
GO
COMMIT TRANSACTION;
GO
