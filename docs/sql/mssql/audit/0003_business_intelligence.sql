-- audit.0003_business_intelligence (plan item 035): SQL Server DDL
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
-- Create model MetricCount
CREATE TABLE [MetricCounts] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Property] nvarchar(60) NOT NULL, [Subgroup] nvarchar(60) NOT NULL, [Frequency] nvarchar(4) NOT NULL, [EndTime] datetimeoffset NOT NULL, [ScopeType] nvarchar(10) NOT NULL, [ScopeId] nvarchar(64) NOT NULL, [Value] numeric(18, 4) NOT NULL, CONSTRAINT [UX_MetricCounts_Key] UNIQUE ([Property], [Subgroup], [Frequency], [EndTime], [ScopeType], [ScopeId]), CONSTRAINT [CK_MetricCounts_Frequency] CHECK ([Frequency] IN ('hour', 'day')), CONSTRAINT [CK_MetricCounts_ScopeType] CHECK ([ScopeType] IN ('Platform', 'Provider', 'Category')));
GO
-- Create model MetricFillState
CREATE TABLE [MetricFillStates] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Property] nvarchar(60) NOT NULL, [Frequency] nvarchar(4) NOT NULL, [EndTime] datetimeoffset NOT NULL, [State] nvarchar(8) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [UX_MetricFillStates_Prop_Freq] UNIQUE ([Property], [Frequency]), CONSTRAINT [CK_MetricFillStates_Frequency] CHECK ([Frequency] IN ('hour', 'day')), CONSTRAINT [CK_MetricFillStates_State] CHECK ([State] IN ('Started', 'Done')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_MetricCounts_Prop_End] ON [MetricCounts] ([Property], [EndTime]);
GO
COMMIT TRANSACTION;
GO
