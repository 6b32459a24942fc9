-- billing.0005_expenses (plan item 040): SQL Server rollback DDL
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
-- Undo: Create constraint CK_PetExpenses_Source on model petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [CK_PetExpenses_Source];
GO
-- Undo: Create constraint UX_PetExpenses_Payment on model petexpense
DROP INDEX [UX_PetExpenses_Payment] ON [PetExpenses];
GO
-- Undo: Create constraint CK_PetExpenses_Amount on model petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [CK_PetExpenses_Amount];
GO
-- Undo: Create index IX_PetExpenses_Dog_Date on field(s) dog, -expense_date of model petexpense
DROP INDEX [IX_PetExpenses_Dog_Date] ON [PetExpenses];
GO
-- Undo: Create index IX_PetExpenses_Owner_Date on field(s) owner, -expense_date of model petexpense
DROP INDEX [IX_PetExpenses_Owner_Date] ON [PetExpenses];
GO
-- Undo: Create constraint CK_ExpenseBudgets_Period on model expensebudget
ALTER TABLE [ExpenseBudgets] DROP CONSTRAINT [CK_ExpenseBudgets_Period];
GO
-- Undo: Create constraint CK_ExpenseBudgets_Amount on model expensebudget
ALTER TABLE [ExpenseBudgets] DROP CONSTRAINT [CK_ExpenseBudgets_Amount];
GO
-- Undo: Create constraint UX_ExpenseBudgets_Total on model expensebudget
DROP INDEX [UX_ExpenseBudgets_Total] ON [ExpenseBudgets];
GO
-- Undo: Create constraint UX_ExpenseBudgets_Key on model expensebudget
DROP INDEX [UX_ExpenseBudgets_Key] ON [ExpenseBudgets];
GO
-- Undo: Create constraint CK_ExpenseCat_System on model expensecategory
ALTER TABLE [ExpenseCategories] DROP CONSTRAINT [CK_ExpenseCat_System];
GO
-- Undo: Create constraint UX_ExpenseCat_Owner_Slug on model expensecategory
DROP INDEX [UX_ExpenseCat_Owner_Slug] ON [ExpenseCategories];
GO
-- Undo: Create constraint UX_ExpenseCat_System_Slug on model expensecategory
DROP INDEX [UX_ExpenseCat_System_Slug] ON [ExpenseCategories];
GO
-- Undo: Create constraint UX_ExpenseCat_Owner_Name on model expensecategory
DROP INDEX [UX_ExpenseCat_Owner_Name] ON [ExpenseCategories];
GO
-- Undo: Create constraint UX_ExpenseCat_System_Name on model expensecategory
DROP INDEX [UX_ExpenseCat_System_Name] ON [ExpenseCategories];
GO
-- Undo: Add field vet_visit to petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_VetVisitId_e8d6bf0a_fk_VetVisits_Id];
GO
DROP INDEX [PetExpenses_VetVisitId_e8d6bf0a] ON [PetExpenses];
GO
ALTER TABLE [PetExpenses] DROP COLUMN [VetVisitId];
GO
-- Undo: Add field receipt_file to petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_ReceiptFileId_fd5d0959_fk_StoredFiles_Id];
GO
DROP INDEX [PetExpenses_ReceiptFileId_fd5d0959] ON [PetExpenses];
GO
ALTER TABLE [PetExpenses] DROP COLUMN [ReceiptFileId];
GO
-- Undo: Add field payment_record to petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_PaymentRecordId_9ec88974_fk_PaymentRecords_Id];
GO
ALTER TABLE [PetExpenses] DROP COLUMN [PaymentRecordId];
GO
-- Undo: Add field owner to petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_OwnerId_487a1489_fk_Users_Id];
GO
ALTER TABLE [PetExpenses] DROP COLUMN [OwnerId];
GO
-- Undo: Add field dog to petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_DogId_404d209b_fk_DogProfiles_Id];
GO
ALTER TABLE [PetExpenses] DROP COLUMN [DogId];
GO
-- Undo: Add field category to petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_CategoryId_b73b4f9c_fk_ExpenseCategories_Id];
GO
DROP INDEX [PetExpenses_CategoryId_b73b4f9c] ON [PetExpenses];
GO
ALTER TABLE [PetExpenses] DROP COLUMN [CategoryId];
GO
-- Undo: Add field category to expensebudget
ALTER TABLE [ExpenseBudgets] DROP CONSTRAINT [ExpenseBudgets_CategoryId_addb8cb9_fk_ExpenseCategories_Id];
GO
DROP INDEX [ExpenseBudgets_CategoryId_addb8cb9] ON [ExpenseBudgets];
GO
ALTER TABLE [ExpenseBudgets] DROP COLUMN [CategoryId];
GO
-- Undo: Add field owner to expensecategory
ALTER TABLE [ExpenseCategories] DROP CONSTRAINT [ExpenseCategories_OwnerId_6a130935_fk_Users_Id];
GO
DROP INDEX [ExpenseCategories_OwnerId_6a130935] ON [ExpenseCategories];
GO
ALTER TABLE [ExpenseCategories] DROP COLUMN [OwnerId];
GO
-- Undo: Add field owner to expensebudget
ALTER TABLE [ExpenseBudgets] DROP CONSTRAINT [ExpenseBudgets_OwnerId_d73721ee_fk_Users_Id];
GO
DROP INDEX [ExpenseBudgets_OwnerId_d73721ee] ON [ExpenseBudgets];
GO
ALTER TABLE [ExpenseBudgets] DROP COLUMN [OwnerId];
GO
-- Undo: Create model PetExpense
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PetExpenses]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PetExpenses]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PetExpenses]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PetExpenses];
GO
-- Undo: Create model ExpenseCategory
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ExpenseCategories]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ExpenseCategories]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ExpenseCategories]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ExpenseCategories];
GO
-- Undo: Create model ExpenseBudget
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ExpenseBudgets]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ExpenseBudgets]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ExpenseBudgets]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ExpenseBudgets];
GO
COMMIT TRANSACTION;
GO
